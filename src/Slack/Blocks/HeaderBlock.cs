namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A header block (https://api.slack.com/reference/block-kit/blocks#header): plain text, at most 150
/// characters.
/// </summary>
public sealed record HeaderBlock(PlainText Text) : Block;
