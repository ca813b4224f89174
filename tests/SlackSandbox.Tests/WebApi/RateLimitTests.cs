using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class RateLimitTests
{
    [Fact]
    public async Task PostMessage_SecondWithinASecondInOneChannel_Returns429WithRetryAfter()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.PostAsync();

        sandbox.Time.Advance(TimeSpan.FromMilliseconds(999));
        var response = await Post(sandbox, SandboxHarness.Approvals);

        Assert.Equal(429, response.StatusCode);
        Assert.Equal("ratelimited", response.Error);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task PostMessage_AfterWaitingRetryAfter_IsAccepted()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.PostAsync();
        Assert.Equal(429, (await Post(sandbox, SandboxHarness.Approvals)).StatusCode);

        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await Post(sandbox, SandboxHarness.Approvals);

        Assert.True(response.Ok);
        Assert.Equal(2, sandbox.Server.Workspace.Messages(SandboxHarness.Approvals).Count);
    }

    [Fact]
    public async Task PostMessage_ToAnotherChannel_IsNotLimitedByTheFirst()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.PostAsync();

        var response = await Post(sandbox, SandboxHarness.General);

        Assert.True(response.Ok);
    }

    [Fact]
    public async Task PostMessage_WithRateLimitsOffInOptions_AcceptsABurst()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);

        var responses = new List<ApiResponse>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await Post(sandbox, SandboxHarness.Approvals));
        }

        Assert.All(responses, r => Assert.True(r.Ok));
    }

    [Fact]
    public async Task PostMessage_RateLimitsSwitchedOffAtRunTime_AcceptsTheSecondPost()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.PostAsync();

        sandbox.Server.RateLimits.Enabled = false;
        var response = await Post(sandbox, SandboxHarness.Approvals);

        Assert.True(response.Ok);
    }

    [Fact]
    public async Task RateLimitsEndpoint_SwitchedBackOn_LimitsAgain()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        await sandbox.PostAsync();

        using var answer = await sandbox.Http.PostAsJsonAsync("sandbox/rate-limits", new { enforce = true });
        var response = await Post(sandbox, SandboxHarness.Approvals);

        Assert.True(answer.IsSuccessStatusCode);
        Assert.True(sandbox.Server.RateLimits.Enabled);
        Assert.Equal(429, response.StatusCode);
    }

    [Fact]
    public async Task Update_RightAfterAPost_IsNotRateLimited()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();

        var response = await sandbox.CallAsync(
            "chat.update", new JsonObject
            {
                ["channel"] = SandboxHarness.Approvals,
                ["ts"] = ts,
                ["text"] = "done",
            });

        Assert.True(response.Ok);
    }

    private static Task<ApiResponse> Post(SandboxHarness sandbox, string channel) =>
        sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = "again" });
}
