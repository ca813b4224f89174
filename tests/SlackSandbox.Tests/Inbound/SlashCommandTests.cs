using System.Text;
using ApprovalBot.SlackSandbox.Inbound;
using ApprovalBot.SlackSandbox.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.SlackSandbox.Tests.Inbound;

public sealed class SlashCommandTests
{
    // shared/slack-samples/signing-vectors.json, "derived_unicode_plus_text_quote_plus".
    private const string DerivedBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fapprove"
        + "&text=approve+deploy+v1.2+%2B+hotfix+%E2%9C%85+%F0%9F%91%8D+f%C3%BCr+%2Aprod%2A+%26+100%25+done"
        + "&api_app_id=A123456&is_enterprise_install=false"
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
        + "%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private const string DerivedText = "approve deploy v1.2 + hotfix ✅ 👍 für *prod* & 100% done";

    [Fact]
    public void FormBody_ForTheDerivedVectorFields_IsByteForByteWhatSlackSends()
    {
        var fields = new SlashCommandFields(
            "xyzz0WbapA4vBCDEFasx0q6G", "T1DC2JH3J", "testteamnow", "G8PSS9T3V", "foobar", "U2CERLKJA",
            "roadrunner", "/approve", DerivedText, "A123456",
            "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
            "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var signer = new SlackRequestSigner("8f742231b10e8888abcd99yyyzzz85a5", clock);

        var body = fields.ToFormBody();

        Assert.Equal(DerivedBody, body);
        Assert.Equal(
            "v0=e8c230d4e77afea6de8551ad697ecb5436fa177a78cdc756e913ae79bf2b4c16",
            signer.Sign(Encoding.UTF8.GetBytes(body)).Signature);
    }

    [Theory]
    [InlineData(DerivedText)]
    [InlineData("a+b %2B c")]
    [InlineData("  two  spaces, tabs\tand = & ? #hash")]
    [InlineData("")]
    public async Task SlashCommand_AnyText_DecodesToTheTypedTextExactly(string text)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await sandbox.Server.SendSlashCommandAsync("U0ALICE", text);

        Assert.Equal(text, sandbox.App.Last.Form["text"]);
    }

    [Fact]
    public async Task SlashCommand_TextWithPlus_IsSentAsPercent2BAndSpacesAsPlus()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "v1 + v2");

        Assert.Contains("&text=v1+%2B+v2&", sandbox.App.Last.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlashCommand_Sent_CarriesEverySlackFieldInSlacksOrder()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "ops@example.com rotate keys");

        var request = sandbox.App.Last;
        Assert.Equal("/slack/commands", request.Path);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var form = request.Form;
        Assert.Equal(
            ["token", "team_id", "team_domain", "channel_id", "channel_name", "user_id", "user_name",
             "command", "text", "api_app_id", "is_enterprise_install", "response_url", "trigger_id"],
            request.BodyText.Split('&').Select(pair => pair.Split('=')[0]));
        Assert.Equal(SandboxOptions.DefaultTeamId, form["team_id"]);
        Assert.Equal("sandbox", form["team_domain"]);
        Assert.Equal(SandboxHarness.General, form["channel_id"]);
        Assert.Equal("general", form["channel_name"]);
        Assert.Equal("U0ALICE", form["user_id"]);
        Assert.Equal("alice", form["user_name"]);
        Assert.Equal("/approve", form["command"]);
        Assert.Equal("false", form["is_enterprise_install"]);
        Assert.Matches(@"^\d+\.\d+\.[0-9a-f]{32}$", form["trigger_id"]);
        var responseUrl = new Uri(form["response_url"]);
        Assert.Equal(sandbox.Server.ResponseUrlHost, responseUrl.Authority);
        Assert.StartsWith("/response/", responseUrl.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlashCommand_InTheUsersDirectMessage_NamesTheDmChannel()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com", "D0ALICE");

        Assert.Equal("D0ALICE", sandbox.App.Last.Form["channel_id"]);
        Assert.Equal("directmessage", sandbox.App.Last.Form["channel_name"]);
    }

    [Fact]
    public async Task SlashCommand_FromUnknownUser_ThrowsArgumentException()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var act = () => sandbox.Server.SendSlashCommandAsync("U0NOBODY", "x");

        await Assert.ThrowsAsync<ArgumentException>(act);
        Assert.Empty(sandbox.App.Requests);
    }

    [Fact]
    public async Task SlashCommand_Sent_IsRecordedAsADelivery()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.App.Reply = _ => FakeReply.Text("Request submitted");

        var reply = await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        var delivery = Assert.Single(sandbox.Server.Workspace.Deliveries);
        Assert.Equal("slash_command", delivery.Kind);
        Assert.Equal(sandbox.App.Last.BodyText, delivery.Body);
        Assert.Equal(reply, delivery.Reply);
    }
}
