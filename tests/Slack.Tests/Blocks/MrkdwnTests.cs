using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Tests.Blocks;

public sealed class MrkdwnTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here|here>", "&lt;!here|here&gt;")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("fish & chips", "fish &amp; chips")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("*bold* _it_ ~s~ `c`", "*bold* _it_ ~s~ `c`")]
    [InlineData("", "")]
    public void Escape_ControlCharacters_Escaped(string text, string expected) =>
        Assert.Equal(expected, Mrkdwn.Escape(text));

    [Fact]
    public void Mention_UserId_IsMentionToken() =>
        Assert.Equal("<@U0ABCDEFGH>", Mrkdwn.Mention("U0ABCDEFGH"));

    [Fact]
    public void Mention_ShortSandboxId_IsMentionToken() => Assert.Equal("<@U1>", Mrkdwn.Mention("U1"));

    [Theory]
    [InlineData("U1><!channel", "U1&gt;&lt;!channel")]
    [InlineData("!channel", "!channel")]
    [InlineData("u1", "u1")]
    public void Mention_NotAUserId_ShownEscapedNotAsToken(string id, string expected) =>
        Assert.Equal(expected, Mrkdwn.Mention(id));

    [Fact]
    public void Mention_HugeForgedId_CutShort()
    {
        var mention = Mrkdwn.Mention(new string('<', 10_000));

        Assert.True(mention.Length <= 64, $"length {mention.Length}");
        Assert.DoesNotContain("<", mention, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_Instant_SlackTokenWithUtcFallback()
    {
        var at = new DateTimeOffset(2026, 1, 2, 17, 4, 5, TimeSpan.FromHours(2));

        var token = Mrkdwn.Date(at);

        Assert.Equal("<!date^1767366245^{date_short_pretty} at {time}|2026-01-02 15:04 UTC>", token);
    }

    [Fact]
    public void EscapeTruncated_Ampersands_NeverCutInsideAnEscape()
    {
        var cut = Mrkdwn.EscapeTruncated(new string('&', 100), 23);

        Assert.Equal(string.Concat(Enumerable.Repeat("&amp;", 4)) + "…", cut);
    }

    [Fact]
    public void EscapeTruncated_Emoji_NeverSplitsASurrogatePairOrCluster()
    {
        var cut = Mrkdwn.EscapeTruncated(string.Concat(Enumerable.Repeat("👍🏽", 50)), 10);

        Assert.Equal("👍🏽👍🏽…", cut);
    }

    [Fact]
    public void EscapeTruncated_ShortText_Unchanged() =>
        Assert.Equal("a &amp; b", Mrkdwn.EscapeTruncated("a & b", 9));

    [Theory]
    [InlineData("hello <@U0ABCDEFGH> there", 12, "hello …")]
    [InlineData("a &amp; b", 5, "a …")]
    [InlineData("abcdef", 4, "abc…")]
    public void Truncate_FormattedText_NeverLeavesHalfAToken(string mrkdwn, int max, string expected) =>
        Assert.Equal(expected, Mrkdwn.Truncate(mrkdwn, max));
}
