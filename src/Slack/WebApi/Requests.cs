using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Arguments of <c>chat.postMessage</c> (https://api.slack.com/methods/chat.postMessage).
/// <paramref name="ThreadTs"/> posts a reply in a thread.
/// </summary>
public sealed record PostMessageRequest(string Channel, SlackMessage Message, string? ThreadTs = null);

/// <summary>
/// Arguments of <c>chat.update</c> (https://api.slack.com/methods/chat.update): the message at
/// <paramref name="Ts"/> in <paramref name="Channel"/>.
/// </summary>
public sealed record UpdateMessageRequest(string Channel, string Ts, SlackMessage Message);

/// <summary>
/// Arguments of <c>chat.postEphemeral</c> (https://api.slack.com/methods/chat.postEphemeral): visible only
/// to <paramref name="User"/>.
/// </summary>
public sealed record PostEphemeralRequest(string Channel, string User, SlackMessage Message);

/// <summary>Arguments of <c>views.open</c> (https://api.slack.com/methods/views.open).</summary>
public sealed record OpenViewRequest(string TriggerId, ModalView View);

/// <summary>
/// Where a posted or updated message lives: the <c>channel</c> and <c>ts</c> that
/// <c>chat.postMessage</c> returns (https://api.slack.com/methods/chat.postMessage#examples).
/// </summary>
public sealed record PostedMessage(string Channel, string Ts);

/// <summary>
/// A message sent to a <c>response_url</c> (https://api.slack.com/interactivity/handling#message_responses);
/// ephemeral and not replacing the original by default.
/// </summary>
public sealed record ResponseUrlMessage(
    SlackMessage Message, bool Ephemeral = true, bool ReplaceOriginal = false);

/// <summary>
/// Arguments of <c>conversations.history</c> (https://api.slack.com/methods/conversations.history): messages of
/// <paramref name="Channel"/> posted at or after <paramref name="Oldest"/> (a message ts), at most
/// <paramref name="Limit"/> of them, continuing from <paramref name="Cursor"/> when set.
/// </summary>
public sealed record HistoryRequest(string Channel, string? Oldest = null, int Limit = 200, string? Cursor = null);

/// <summary>
/// A page of <c>conversations.history</c> (https://api.slack.com/methods/conversations.history#examples);
/// <paramref name="NextCursor"/> (https://api.slack.com/apis/pagination) is null on the last page.
/// </summary>
public sealed record HistoryPage(IReadOnlyList<HistoryMessage> Messages, string? NextCursor);

/// <summary>
/// What ApprovalBot reads of a message in history (https://api.slack.com/messaging/retrieving): its <c>ts</c> and
/// the <c>block_id</c>s of its blocks.
/// </summary>
public sealed record HistoryMessage(string Ts, IReadOnlyList<string> BlockIds);
