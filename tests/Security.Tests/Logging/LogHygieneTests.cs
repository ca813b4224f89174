using ApprovalBot.Security.Tests.Support;
using ApprovalBot.Slack.Messages;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Security.Tests.Logging;

/// <summary>
/// Whole approvals with the Api and the silos logging at Trace: no secret reaches any log line at any level,
/// and text users typed cannot pose as a log entry of its own.
/// </summary>
public sealed class LogHygieneTests(TraceLogFixture fixture) : IClassFixture<TraceLogFixture>
{
    private const string Forged = "info: ApprovalBot.Grains.Approval.ApprovalGrain[1002] FORGED: approved";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly string[] ConsolePrefixes = ["trce:", "dbug:", "info:", "warn:", "fail:", "crit:"];

    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Logs_FullApprovalTracedEverywhere_NoSigningSecretBotTokenOrCallbackToken()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "traced@example.com traced");
        var callbackToken = PendingRequest.ButtonValueOf(message).Split('|')[1];

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts,
            ApprovalMessages.ApproveActionId);
        await Sandbox.WaitForFinalMessageAsync(id!, "approved");
        await Sandbox.WaitForAsync(
            w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id!).Count == 1, Wait,
            "the outcome told to Alice");

        Assert.Contains(fixture.ApiLogs.Entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(fixture.SiloLogs.Entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(fixture.SiloLogs.Entries, e => e.Message.Contains(id!, StringComparison.Ordinal));
        foreach (var (name, secret) in Secrets(callbackToken))
        {
            var leaks = fixture.All
                .Where(e => e.FullText.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0,
                $"The {name} appeared in {leaks.Count} log entries: {string.Join(" / ", leaks)}");
        }
    }

    [Fact]
    public async Task Logs_ReasonsWithLineBreaks_NoEntryGainsALineThatPassesForAnotherEntry()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(
            SandboxUsers.Alice, $"crlf@example.com ok\r\n{Forged}\n{Forged}");

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts,
            ApprovalMessages.DenyActionId);
        await Sandbox.WaitForAsync(
            w => w.OpenViews(SandboxUsers.Bob).Count > 0, Wait, "the reason modal open");
        var view = Sandbox.Workspace.OpenViews(SandboxUsers.Bob)[^1];
        await Sandbox.SubmitViewAsync(SandboxUsers.Bob, view.Id,
            new Dictionary<string, string> { [ApprovalModals.ReasonBlockId] = $"no\r\n{Forged}" });
        await Sandbox.WaitForFinalMessageAsync(id!, "denied");

        Assert.Contains(fixture.SiloLogs.Entries, e => e.Message.Contains(id!, StringComparison.Ordinal));
        var forged = fixture.All.Where(e => e.FullText.Contains("FORGED", StringComparison.Ordinal)
            || e.Message.Split('\r', '\n').Skip(1).Any(line => ConsolePrefixes.Any(
                prefix => line.TrimStart().StartsWith(prefix, StringComparison.Ordinal)))).ToList();
        Assert.True(forged.Count == 0, $"Expected no forged line, saw: {string.Join(" / ", forged)}");
    }

    private static IEnumerable<(string Name, string Value)> Secrets(string callbackToken) =>
    [
        ("signing secret", ProductHarness.SigningSecret),
        ("bot token", ProductHarness.BotToken),
        ("callback token", callbackToken),
    ];
}
