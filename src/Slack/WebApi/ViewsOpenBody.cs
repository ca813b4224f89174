using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.WebApi;

/// <summary>The JSON body of <c>views.open</c> (https://api.slack.com/methods/views.open).</summary>
internal sealed record ViewsOpenBody(string TriggerId, ModalView View);
