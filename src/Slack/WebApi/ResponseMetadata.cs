namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Slack's explanations next to an error such as <c>invalid_blocks</c>
/// (https://api.slack.com/web#evaluating_responses); read for diagnostics only.
/// </summary>
internal sealed record ResponseMetadata(IReadOnlyList<string>? Messages = null);
