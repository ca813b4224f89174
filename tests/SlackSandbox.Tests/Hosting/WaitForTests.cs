using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.Hosting;

public sealed class WaitForTests
{
    [Fact]
    public async Task WaitFor_ConditionMetByALaterChange_Completes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var waiting = sandbox.Server.WaitForAsync(
            w => w.Messages(SandboxHarness.Approvals).Count == 1, TimeSpan.FromSeconds(10));

        await sandbox.PostAsync();

        await waiting;
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitFor_ConditionNeverMet_TimesOutSayingWhatWasExpectedAndSeen()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.PostAsync(text: "only this");

        var act = () => sandbox.Server.WaitForAsync(
            w => w.Calls("chat.update").Count > 0, TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<TimeoutException>(act);
        Assert.Contains("w.Calls(\"chat.update\").Count > 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("only this", error.Message, StringComparison.Ordinal);
        Assert.Contains("chat.postMessage 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitFor_ConditionAlreadyTrue_CompletesAtOnce()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "U0BOB",
            ["text"] = "hi",
        });

        var waiting = sandbox.Server.WaitForAsync(
            w => w.Channel("D0BOB") is not null, TimeSpan.FromSeconds(1));

        Assert.True(waiting.IsCompletedSuccessfully);
        await waiting;
    }
}
