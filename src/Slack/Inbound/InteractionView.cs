namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// The <c>view</c> of a <c>view_submission</c> or <c>view_closed</c> payload
/// (https://api.slack.com/reference/interaction-payloads/views); <c>private_metadata</c> is what the app put
/// there when it opened the view.
/// </summary>
public sealed record InteractionView(
    string Id, string? CallbackId = null, string? PrivateMetadata = null, ViewState? State = null);
