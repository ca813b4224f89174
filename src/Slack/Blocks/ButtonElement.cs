namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A button (https://api.slack.com/reference/block-kit/block-elements#button): text at most 75 characters,
/// <c>action_id</c> at most 255, <c>value</c> at most 2000.
/// </summary>
public sealed record ButtonElement(
    PlainText Text, string ActionId, string? Value = null, ButtonStyle? Style = null)
    : BlockElement(ActionId);
