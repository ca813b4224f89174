using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.WebApi;

/// <summary>The JSON body of <c>chat.update</c> (https://api.slack.com/methods/chat.update).</summary>
internal sealed record ChatUpdateBody(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks);
