using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The JSON body of <c>chat.postEphemeral</c> (https://api.slack.com/methods/chat.postEphemeral).
/// </summary>
internal sealed record ChatPostEphemeralBody(
    string Channel, string User, string Text, IReadOnlyList<Block>? Blocks);
