namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Slack's explanations next to an error such as <c>invalid_blocks</c>
/// (https://api.slack.com/web#evaluating_responses), read for diagnostics only, and the cursor of the next page
/// of a paginated method (https://api.slack.com/apis/pagination), empty on the last page.
/// </summary>
internal sealed record ResponseMetadata(IReadOnlyList<string>? Messages = null, string? NextCursor = null);
