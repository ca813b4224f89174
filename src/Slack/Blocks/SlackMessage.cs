namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A message as Slack's message methods take it: a plain-text fallback (notifications, screen readers)
/// and its Block Kit blocks (https://api.slack.com/reference/block-kit/blocks).
/// </summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks)
{
    /// <summary>A message of plain text only.</summary>
    public static SlackMessage Plain(string text) => new(text, []);
}
