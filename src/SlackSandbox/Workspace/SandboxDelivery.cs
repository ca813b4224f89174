namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>
/// One request the sandbox sent to the Api (slash command or interaction) and the Api's reply.
/// </summary>
public sealed record SandboxDelivery(string Kind, string Body, SandboxReply Reply, DateTimeOffset At);
