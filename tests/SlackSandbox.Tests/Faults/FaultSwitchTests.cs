using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.Faults;

public sealed class FaultSwitchTests
{
    [Fact]
    public async Task RateLimitedFault_ForTwoCalls_Returns429WithItsRetryAfterThenRecovers()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        sandbox.Server.Faults.RateLimit("chat.postMessage", count: 2, retryAfterSeconds: 7);

        var first = await Post(sandbox);
        var second = await Post(sandbox);
        var third = await Post(sandbox);

        Assert.All([first, second], r =>
        {
            Assert.Equal(429, r.StatusCode);
            Assert.Equal("ratelimited", r.Error);
            Assert.Equal(TimeSpan.FromSeconds(7), r.Headers.RetryAfter?.Delta);
        });
        Assert.True(third.Ok);
        Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
        Assert.Empty(sandbox.Server.Faults.Active);
    }

    [Fact]
    public async Task ServerErrorFault_Returns500AndPostsNothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.ServerError, "chat.postMessage");

        var response = await Post(sandbox);

        Assert.Equal(500, response.StatusCode);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task FailBeforeApplyFault_Returns503AndLeavesNoMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.FailBeforeApply, "chat.postMessage");

        var response = await Post(sandbox);

        Assert.Equal(503, response.StatusCode);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task DropConnectionFault_GivesNoAnswerAndLeavesNoMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.DropConnection, "chat.postMessage");

        var act = () => Post(sandbox);

        await Assert.ThrowsAsync<HttpRequestException>(act);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
        Assert.Equal(0, Assert.Single(sandbox.Server.Workspace.Calls("chat.postMessage")).StatusCode);
    }

    [Fact]
    public async Task ApplyThenFailFault_Returns500ButTheMessageIsPosted()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.ApplyThenFail, "chat.postMessage");

        var response = await Post(sandbox);

        Assert.Equal(500, response.StatusCode);
        Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task ErrorCodeFault_ReturnsOkFalseWithThatCodeAndAppliesNothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.ReturnError("chat.postMessage", count: 1, error: "not_in_channel");

        var response = await Post(sandbox);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("not_in_channel", response.Error);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task FaultForOneMethod_LeavesOtherMethodsAlone()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.ServerError, "chat.update");

        var posted = await Post(sandbox);
        var updated = await sandbox.CallAsync("chat.update", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["ts"] = posted.Ts, ["text"] = "done",
        });

        Assert.True(posted.Ok);
        Assert.Equal(500, updated.StatusCode);
    }

    [Fact]
    public async Task FaultForAllMethods_HitsTheNextCallWhateverItIs()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.FailBeforeApply, SandboxFaults.AllMethods);

        var response = await sandbox.CallAsync("usergroups.users.list", new JsonObject
        {
            ["usergroup"] = "S0APPROVERS",
        });

        Assert.Equal(503, response.StatusCode);
        Assert.True((await Post(sandbox)).Ok);
    }

    [Fact]
    public async Task Clear_RemovesPendingSwitches()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.ServerError, "chat.postMessage", count: 3);

        sandbox.Server.Faults.Clear();
        var response = await Post(sandbox);

        Assert.True(response.Ok);
    }

    [Fact]
    public async Task ResponseUrlFault_ApplyThenFail_PostsButAnswers500()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");
        sandbox.Server.Faults.Fail(SandboxFaultKind.ApplyThenFail, SandboxFaults.ResponseUrl);

        var response = await sandbox.PostJsonAsync(
            sandbox.App.Last.Form["response_url"], new JsonObject { ["text"] = "approved" });

        Assert.Equal(500, response.StatusCode);
        Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.General));
    }

    private static Task<ApiResponse> Post(SandboxHarness sandbox) => sandbox.CallAsync(
        "chat.postMessage", new JsonObject { ["channel"] = SandboxHarness.Approvals, ["text"] = "x" });
}
