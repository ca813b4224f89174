namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// The <c>channel</c> of an interaction payload
/// (https://api.slack.com/reference/interaction-payloads/block-actions).
/// </summary>
public sealed record SlackChannel(string Id, string? Name = null);
