using System.Text;
using ApprovalBot.Slack.Inbound;
using ApprovalBot.Slack.Tests.TestSupport;

namespace ApprovalBot.Slack.Tests.Inbound;

public sealed class SlashCommandTests
{
    private const string Required =
        "team_id=T1&user_id=U1&command=%2Fapprove&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1";

    [Fact]
    public void TryParse_EnterpriseGridSample_GivesExactValues()
    {
        var body = Vectors.Bytes("slash-command-enterprise-grid.txt");

        var parsed = SlashCommand.TryParse(body, out var command, out var error);

        Assert.True(parsed, error);
        var expected = new SlashCommand
        {
            TeamId = "T111",
            TeamDomain = "test-domain",
            EnterpriseId = "E111",
            EnterpriseName = "Org Name",
            ChannelId = "C111",
            ChannelName = "random",
            UserId = "W111",
            UserName = "primary-owner",
            Command = "/hello-world",
            Text = "Hi",
            ApiAppId = null,
            IsEnterpriseInstall = false,
            ResponseUrl = "https://hooks.slack.com/commands/T111/111/xxxxx",
            TriggerId = "111.111.xxx",
        };
        Assert.Equal(expected, command);
    }

    [Fact]
    public void TryParse_DocsVector_GivesExactValues()
    {
        var body = Vectors.Signing()["docs_slash_command"].BodyBytes;

        var parsed = SlashCommand.TryParse(body, out var command, out var error);

        Assert.True(parsed, error);
        Assert.NotNull(command);
        Assert.Equal("T1DC2JH3J", command.TeamId);
        Assert.Equal("G8PSS9T3V", command.ChannelId);
        Assert.Equal("U2CERLKJA", command.UserId);
        Assert.Equal("/webhook-collect", command.Command);
        Assert.Equal("", command.Text);
        Assert.Equal(
            "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
            command.ResponseUrl);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", command.TriggerId);
    }

    [Fact]
    public void TryParse_UnicodeVector_TextAndFlagsExact()
    {
        var vector = Vectors.Signing()["derived_unicode_plus_text_quote_plus"];

        var parsed = SlashCommand.TryParse(vector.BodyBytes, out var command, out var error);

        Assert.True(parsed, error);
        Assert.NotNull(command);
        Assert.Equal("approve deploy v1.2 + hotfix ✅ 👍 für *prod* & 100% done", command.Text);
        Assert.Equal("A123456", command.ApiAppId);
        Assert.False(command.IsEnterpriseInstall);
    }

    [Theory]
    [InlineData("user%40example.com+needs+prod+access", "user@example.com needs prod access")]
    [InlineData("a%2Bb%40example.com+%2Abold%2A", "a+b@example.com *bold*")]
    [InlineData("u%40x.io+%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82+%F0%9F%91%8D", "u@x.io привет 👍")]
    [InlineData("+leading+and+trailing+", " leading and trailing ")]
    [InlineData("line1%0Aline2", "line1\nline2")]
    public void TryParse_TypedText_DecodedExactly(string encodedText, string expected)
    {
        var body = Encoding.ASCII.GetBytes(Required + "&text=" + encodedText);

        var parsed = SlashCommand.TryParse(body, out var command, out var error);

        Assert.True(parsed, error);
        Assert.NotNull(command);
        Assert.Equal(expected, command.Text);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void TryParse_IsEnterpriseInstallString_ReadAsBool(string value, bool expected)
    {
        var body = Encoding.ASCII.GetBytes(Required + "&is_enterprise_install=" + value);

        var parsed = SlashCommand.TryParse(body, out var command, out var error);

        Assert.True(parsed, error);
        Assert.NotNull(command);
        Assert.Equal(expected, command.IsEnterpriseInstall);
    }

    [Fact]
    public void TryParse_EnterpriseIdWithoutTeamId_Parses()
    {
        const string body = "enterprise_id=E0ABCDEFGH&user_id=W0ABCDEFGH&command=%2Fapprove" +
            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&is_enterprise_install=true";

        var parsed = SlashCommand.TryParse(Encoding.ASCII.GetBytes(body), out var command, out var error);

        Assert.True(parsed, error);
        Assert.NotNull(command);
        Assert.Null(command.TeamId);
        Assert.Equal("E0ABCDEFGH", command.EnterpriseId);
        Assert.True(command.IsEnterpriseInstall);
    }

    [Theory]
    [InlineData("team_id", "neither team_id nor enterprise_id")]
    [InlineData("user_id", "no user_id")]
    [InlineData("command", "no command")]
    [InlineData("response_url", "no response_url")]
    public void TryParse_RequiredFieldMissing_FailsNamingIt(string missing, string message)
    {
        var fields = Required.Split('&').Where(f => !f.StartsWith(missing + "=", StringComparison.Ordinal));
        var body = Encoding.ASCII.GetBytes(string.Join('&', fields));

        var parsed = SlashCommand.TryParse(body, out var command, out var error);

        Assert.False(parsed);
        Assert.Null(command);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RequiredFieldEmpty_Fails()
    {
        var body = Encoding.ASCII.GetBytes(
            Required.Replace("user_id=U1", "user_id=", StringComparison.Ordinal));

        var parsed = SlashCommand.TryParse(body, out _, out var error);

        Assert.False(parsed);
        Assert.Contains("user_id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_BinaryGarbage_FailsWithoutThrowing()
    {
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray();

        var parsed = SlashCommand.TryParse(garbage, out _, out var error);

        Assert.False(parsed);
        Assert.NotNull(error);
    }
}
