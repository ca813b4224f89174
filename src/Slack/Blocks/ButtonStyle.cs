namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A button's colour (https://api.slack.com/reference/block-kit/block-elements#button); omitted means
/// default.
/// </summary>
public enum ButtonStyle
{
    Primary,
    Danger,
}
