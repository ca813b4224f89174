using System.Globalization;
using System.Text;
using ApprovalBot.Slack.Verification;
using ApprovalBot.SlackSandbox.Inbound;
using ApprovalBot.SlackSandbox.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.SlackSandbox.Tests.Inbound;

public sealed class SigningTests
{
    // Slack's published example (shared/slack-samples/signing-vectors.json, "docs_slash_command").
    private const string DocsSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocsBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
        + "%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public void Sign_SlackDocumentationVector_ProducesTheDocumentedSignature()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var signer = new SlackRequestSigner(DocsSecret, time);

        var signature = signer.Sign(Encoding.UTF8.GetBytes(DocsBody));

        Assert.Equal("1531420618", signature.Timestamp);
        Assert.Equal(
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature.Signature);
    }

    [Fact]
    public async Task SlashCommand_Sent_CarriesATimestampFromTheClockAndASignatureOverTheExactBytes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "ops@example.com deploy *prod* + 100% ✅");

        var request = sandbox.App.Last;
        Assert.Equal(SandboxHarness.Start.ToUnixTimeSeconds(), long.Parse(request.Timestamp!, Invariant));
        Assert.Equal(Expected(SandboxHarness.Secret, request), request.Signature);
    }

    [Fact]
    public async Task Click_Sent_IsSignedOverTheExactBytesAtTheCurrentClock()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();
        sandbox.Time.Advance(TimeSpan.FromMinutes(7));

        await sandbox.Server.ClickAsync("U0BOB", SandboxHarness.Approvals, ts, "approve");

        var request = sandbox.App.Last;
        var sentAt = long.Parse(request.Timestamp!, Invariant);
        Assert.Equal(SandboxHarness.Start.AddMinutes(7).ToUnixTimeSeconds(), sentAt);
        Assert.Equal(Expected(SandboxHarness.Secret, request), request.Signature);
        Assert.NotEqual(Expected("another-secret", request), request.Signature);
    }

    private static string Expected(string secret, RecordedRequest request) =>
        SlackSignature.Compute(secret, request.Timestamp!, request.Body);
}
