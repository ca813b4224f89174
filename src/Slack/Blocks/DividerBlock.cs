namespace ApprovalBot.Slack.Blocks;

/// <summary>A divider block (https://api.slack.com/reference/block-kit/blocks#divider).</summary>
public sealed record DividerBlock : Block;
