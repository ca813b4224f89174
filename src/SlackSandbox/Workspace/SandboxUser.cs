namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>
/// A person in the sandbox workspace; <see cref="IsApprover"/> drives display and the approver group.
/// </summary>
public sealed record SandboxUser(string Id, string Name, string RealName, bool IsApprover);
