namespace ApprovalBot.SlackSandbox;

/// <summary>One configured sandbox user (<c>Sandbox__Users__0__Id</c>, <c>__Name</c>, …).</summary>
public sealed class SandboxUserOptions
{
    /// <summary>Alice (requester), Bob and Carol (approvers), Dave (not an approver).</summary>
    public static IReadOnlyList<SandboxUserOptions> Defaults { get; } =
    [
        new() { Id = "U0ALICE", Name = "alice", RealName = "Alice" },
        new() { Id = "U0BOB", Name = "bob", RealName = "Bob", IsApprover = true },
        new() { Id = "U0CAROL", Name = "carol", RealName = "Carol", IsApprover = true },
        new() { Id = "U0DAVE", Name = "dave", RealName = "Dave" },
    ];

    /// <summary>Slack user id, <c>U…</c> or <c>W…</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Handle (<c>user_name</c> in payloads).</summary>
    public string Name { get; set; } = "";

    /// <summary>Display name shown on the page; defaults to <see cref="Name"/>.</summary>
    public string RealName { get; set; } = "";

    /// <summary>Member of the approver group; also shown on the page.</summary>
    public bool IsApprover { get; set; }
}
