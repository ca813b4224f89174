namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// Slack's size limits for the blocks ApprovalBot sends (https://api.slack.com/reference/block-kit/blocks and
/// https://api.slack.com/reference/block-kit/block-elements), counted in UTF-16 code units, which is never
/// fewer than the characters Slack counts.
/// </summary>
public static class SlackLimits
{
    public const int SectionText = 3000;

    public const int SectionField = 2000;

    public const int HeaderText = 150;

    public const int ButtonText = 75;

    public const int ButtonValue = 2000;

    public const int ActionId = 255;

    public const int BlockId = 255;

    public const int BlocksPerMessage = 50;

    public const int ContextElements = 10;

    public const int PrivateMetadata = 3000;

    public const int ModalTitle = 24;

    /// <summary>
    /// Our own ceiling for all text in one message. Slack documents no total, but has refused messages
    /// near 13,200 characters of block text, so the renderers stay well below this.
    /// </summary>
    public const int TotalMessageText = 12_000;
}
