using System.Text;
using ApprovalBot.Slack.Inbound;
using ApprovalBot.Slack.Tests.TestSupport;

namespace ApprovalBot.Slack.Tests.Inbound;

public sealed class SlackFormTests
{
    [Theory]
    [InlineData("a+b", "a b")]
    [InlineData("a%20b", "a b")]
    [InlineData("1%2B1", "1+1")]
    [InlineData("1+%2B+1", "1 + 1")]
    [InlineData("%2Abold%2A", "*bold*")]
    [InlineData("*bold*", "*bold*")]
    [InlineData("%F0%9F%91%8D", "👍")]
    [InlineData("%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82", "привет")]
    [InlineData("%E6%89%B9%E5%87%86", "批准")]
    [InlineData("f%C3%BCr", "für")]
    [InlineData("100%25", "100%")]
    [InlineData("%3C%21channel%3E", "<!channel>")]
    [InlineData("%e2%9c%85", "✅")]
    [InlineData("", "")]
    public void Decode_FormEncodedText_GivesExactText(string encoded, string expected)
    {
        var decoded = SlackForm.Decode(Encoding.ASCII.GetBytes(encoded));

        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    [InlineData("%4", "%4")]
    [InlineData("%%41", "%A")]
    public void Decode_PercentWithoutTwoHexDigits_KeptAsIs(string encoded, string expected)
    {
        var decoded = SlackForm.Decode(Encoding.ASCII.GetBytes(encoded));

        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void Decode_Plus_DiffersFromUriUnescapeDataString()
    {
        const string encoded = "deploy+v1.2+%2B+hotfix";

        var decoded = SlackForm.Decode(Encoding.ASCII.GetBytes(encoded));

        Assert.Equal("deploy v1.2 + hotfix", decoded);
        Assert.NotEqual(Uri.UnescapeDataString(encoded), decoded);
    }

    [Fact]
    public void Parse_UnicodeVectorBody_TextEqualsPublishedDecodedText()
    {
        var vector = Vectors.Signing()["derived_unicode_plus_text_quote_plus"];

        var fields = SlackForm.Parse(vector.BodyBytes);

        Assert.Equal(vector.DecodedText, fields["text"]);
        Assert.Equal("/approve", fields["command"]);
    }

    [Fact]
    public void Parse_ReencodedVectorBody_DecodesToTheSameText()
    {
        var signing = Vectors.Signing();

        var original = SlackForm.Parse(signing["derived_unicode_plus_text_quote_plus"].BodyBytes);
        var reencoded = SlackForm.Parse(signing["derived_same_fields_reencoded_differently"].BodyBytes);

        Assert.Equal(original, reencoded);
    }

    [Fact]
    public void Parse_RepeatedNameAndEmptyPairs_FirstValueWinsAndEmptiesSkipped()
    {
        var fields = SlackForm.Parse("a=1&&b&a=2&c="u8);

        Assert.Equal("1", fields["a"]);
        Assert.Equal("", fields["b"]);
        Assert.Equal("", fields["c"]);
        Assert.Equal(3, fields.Count);
    }

    [Fact]
    public void TryGetValue_PresentField_DecodesOnlyThatValue()
    {
        var found = SlackForm.TryGetValue("payload=%7B%7D&ssl%5Fcheck=1"u8, "ssl_check", out var value);

        Assert.True(found);
        Assert.Equal("1", value);
    }

    [Fact]
    public void TryGetValue_AbsentField_False()
    {
        var found = SlackForm.TryGetValue("payload=%7B%7D"u8, "ssl_check", out var value);

        Assert.False(found);
        Assert.Null(value);
    }
}
