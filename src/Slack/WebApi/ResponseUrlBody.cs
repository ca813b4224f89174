using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The JSON posted to a <c>response_url</c> (https://api.slack.com/interactivity/handling#message_responses).
/// </summary>
internal sealed record ResponseUrlBody(
    string Text, IReadOnlyList<Block>? Blocks, string ResponseType, bool ReplaceOriginal);
