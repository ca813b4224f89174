namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A plain-text input (https://api.slack.com/reference/block-kit/block-elements#input), used in modals.
/// </summary>
public sealed record PlainTextInputElement(
    string ActionId,
    bool? Multiline = null,
    int? MinLength = null,
    int? MaxLength = null,
    PlainText? Placeholder = null,
    string? InitialValue = null) : BlockElement(ActionId);
