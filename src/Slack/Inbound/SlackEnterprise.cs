namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// The Enterprise Grid organisation of an interaction payload
/// (https://api.slack.com/enterprise/grid/migration#interactive_payloads); <c>E…</c> id.
/// </summary>
public sealed record SlackEnterprise(string Id, string? Name = null);
