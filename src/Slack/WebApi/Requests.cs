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
