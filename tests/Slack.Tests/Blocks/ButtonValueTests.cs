using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Tests.Blocks;

public sealed class ButtonValueTests
{
    [Fact]
    public void Format_ThenTryParse_RoundTrips()
    {
        var value = ButtonValue.Format("corr-7d9f2c4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f", "k9-_A+/=Zx");

        var parsed = ButtonValue.TryParse(value, out var correlationId, out var token);

        Assert.True(parsed);
        Assert.Equal("corr-7d9f2c4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f|k9-_A+/=Zx", value);
        Assert.Equal("corr-7d9f2c4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f", correlationId);
        Assert.Equal("k9-_A+/=Zx", token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("corr-1")]
    [InlineData("|tok")]
    [InlineData("corr-1|")]
    [InlineData("corr-1|tok|x")]
    [InlineData("corr 1|tok")]
    [InlineData("corr-1|tök")]
    [InlineData("corr-1|tok\n")]
    [InlineData("click_me_123")]
    public void TryParse_Malformed_False(string? value)
    {
        var parsed = ButtonValue.TryParse(value, out var correlationId, out var token);

        Assert.False(parsed);
        Assert.Equal("", correlationId);
        Assert.Equal("", token);
    }

    [Fact]
    public void TryParse_Over2000Characters_False()
    {
        var value = "corr-1|" + new string('t', 2000 - "corr-1|".Length + 1);

        Assert.False(ButtonValue.TryParse(value, out _, out _));
    }

    [Fact]
    public void TryParse_Exactly2000Characters_True()
    {
        var value = "corr-1|" + new string('t', 2000 - "corr-1|".Length);

        Assert.True(ButtonValue.TryParse(value, out _, out var token));
        Assert.Equal(1993, token.Length);
    }

    [Theory]
    [InlineData("corr|1", "tok")]
    [InlineData("corr-1", "")]
    [InlineData("", "tok")]
    [InlineData("corr-1", "to k")]
    public void Format_BadPart_Throws(string correlationId, string token) =>
        Assert.Throws<ArgumentException>(() => ButtonValue.Format(correlationId, token));

    [Fact]
    public void Format_TooLong_Throws() =>
        Assert.Throws<ArgumentException>(() => ButtonValue.Format("corr-1", new string('t', 2000)));
}
