namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A section block (https://api.slack.com/reference/block-kit/blocks#section): text of at most 3000
/// characters and up to 10 fields of at most 2000 characters each.
/// </summary>
public sealed record SectionBlock(TextObject Text, IReadOnlyList<TextObject>? Fields = null) : Block;
