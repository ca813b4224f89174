namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// The <c>team</c> of an interaction payload
/// (https://api.slack.com/reference/interaction-payloads/block-actions); null on org-wide Enterprise Grid
/// installs.
/// </summary>
public sealed record SlackTeam(string Id, string? Domain = null, string? EnterpriseId = null);
