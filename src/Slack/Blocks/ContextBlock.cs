namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A context block (https://api.slack.com/reference/block-kit/blocks#context): up to 10 small texts.
/// </summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;
