using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The JSON body of <c>chat.postMessage</c> (https://api.slack.com/methods/chat.postMessage).
/// </summary>
internal sealed record ChatPostMessageBody(
    string Channel, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs);
