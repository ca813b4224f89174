namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// The message a clicked button belongs to
/// (https://api.slack.com/reference/interaction-payloads/block-actions); its blocks are not read, only where
/// it is and its fallback text.
/// </summary>
public sealed record InteractionMessage(string Ts, string? Text = null);
