using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// One element interaction in a <c>block_actions</c> payload
/// (https://api.slack.com/reference/interaction-payloads/block-actions#fields): for a button, its
/// <c>action_id</c>, <c>block_id</c> and the <c>value</c> it carried.
/// </summary>
public sealed record BlockAction(
    string ActionId,
    string BlockId,
    string Type,
    string? Value = null,
    string? ActionTs = null,
    PlainText? Text = null,
    string? Style = null);
