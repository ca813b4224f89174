namespace ApprovalBot.Security.Tests.Hostile;

/// <summary>A reason as typed after the address, and as the grain must store it.</summary>
public sealed record HostileReason(string Typed, string Stored)
{
    public HostileReason(string typed)
        : this(typed, typed)
    {
    }

    /// <summary>The hostile reasons by name; each becomes its own test case.</summary>
    public static IReadOnlyDictionary<string, HostileReason> All { get; } =
        new Dictionary<string, HostileReason>
    {
        ["line breaks that look like log lines"] = new(
            "first line\r\n*Approved* by me\ninfo: ApprovalBot.Grains.Approval.ApprovalGrain[1002] FORGED"),
        ["NUL characters"] = new("before\0middle\0after"),
        ["right-to-left override and marks"] = new("\u202Emoc.elpmaxe@nimda\u202C, \u200Fmarked\u200E text"),
        ["10,000 characters"] = new(new string('a', 9_989) + " <!channel>", new string('a', 1_000)),
        ["channel-wide pings"] = new("<!channel> <!here> <!everyone> <!subteam^S0APPROVERS>"),
        ["user and channel mentions"] = new("<@U0BOB> said yes, ask <@U0CAROL|carol> in <#C0APPROVALS>"),
        ["a link with a misleading label"] = new("<https://attacker.invalid/login|the usual approval page>"),
        ["SQL"] = new("x'); DROP TABLE orleans_storage; -- and \" OR 1=1 --"),
        ["HTML and script"] = new("<script>alert(1)</script><img src=x onerror=alert(1)>"),
        ["mrkdwn that imitates the message"] = new("*Approved* by <@U0BOB>\n>*Requester:* <@U0BOB>"),
        ["Slack's own escaping"] = new(
            "&lt;!channel&gt; and &amp;lt;@U0BOB&amp;gt;", "<!channel> and &lt;@U0BOB&gt;"),
    };
}
