namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>A conversation; <see cref="DirectUserId"/> is set for a user's DM with the bot.</summary>
public sealed record SandboxChannel(
    string Id, string Name, SandboxChannelKind Kind, string? DirectUserId = null);
