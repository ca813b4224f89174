namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// Where the clicked element lives (https://api.slack.com/reference/interaction-payloads/block-actions):
/// <c>type</c> is <c>message</c>, <c>view</c> or <c>message_attachment</c>.
/// </summary>
public sealed record InteractionContainer(
    string Type,
    string? MessageTs = null,
    string? ChannelId = null,
    bool IsEphemeral = false,
    string? ViewId = null);
