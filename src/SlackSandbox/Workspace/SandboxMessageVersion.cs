namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>A message's content as it was before an edit replaced it at <see cref="ReplacedAt"/>.</summary>
public sealed record SandboxMessageVersion(string Text, string? BlocksJson, DateTimeOffset ReplacedAt);
