namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A <c>plain_text</c> text object (https://api.slack.com/reference/block-kit/composition-objects#text):
/// shown as written, with <c>:emoji:</c> codes rendered when <paramref name="Emoji"/> is true.
/// </summary>
public sealed record PlainText(string Text, bool? Emoji = null) : TextObject(Text)
{
    public override string Type => "plain_text";
}
