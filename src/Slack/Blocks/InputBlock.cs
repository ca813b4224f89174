namespace ApprovalBot.Slack.Blocks;

/// <summary>An input block in a modal (https://api.slack.com/reference/block-kit/blocks#input).</summary>
public sealed record InputBlock(
    PlainText Label, BlockElement Element, bool? Optional = null, PlainText? Hint = null) : Block;
