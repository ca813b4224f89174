namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A <c>mrkdwn</c> text object (https://api.slack.com/reference/block-kit/composition-objects#text).
/// Slack parses it for formatting, mentions and links, so user text must go through
/// <see cref="Mrkdwn.Escape"/>.
/// </summary>
public sealed record MrkdwnText(string Text) : TextObject(Text)
{
    public override string Type => "mrkdwn";
}
