namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// An actions block (https://api.slack.com/reference/block-kit/blocks#actions): up to 25 elements.
/// </summary>
public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;
