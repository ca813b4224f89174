using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.Faults;

public sealed class FaultEndpointTests
{
    [Fact]
    public async Task FaultsEndpoint_ErrorSwitchPosted_HitsTheNextCallOfThatMethod()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var fault = new { kind = "error", method = "chat.postMessage", error = "is_archived", count = 1 };
        using var set = await sandbox.Http.PostAsJsonAsync("sandbox/faults", fault);
        var response = await Post(sandbox);

        Assert.True(set.IsSuccessStatusCode);
        Assert.Equal("is_archived", response.Error);
        Assert.True((await Post(sandbox)).Ok);
    }

    [Fact]
    public async Task FaultsEndpoint_Get_ListsActiveSwitchesWithWhatRemains()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.RateLimit("chat.update", count: 3, retryAfterSeconds: 2);

        var listed = await sandbox.Http.GetFromJsonAsync<JsonObject>("sandbox/faults");

        var entry = Assert.Single(listed!["switches"]!.AsArray())!;
        Assert.Equal("rate_limited", entry["kind"]!.GetValue<string>());
        Assert.Equal("chat.update", entry["method"]!.GetValue<string>());
        Assert.Equal(3, entry["remaining"]!.GetValue<int>());
    }

    [Fact]
    public async Task FaultsEndpoint_Delete_ClearsEverySwitchAndTheLatency()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Fail(SandboxFaultKind.ServerError, SandboxFaults.AllMethods, count: 5);
        sandbox.Server.Faults.Latency = TimeSpan.FromSeconds(1);

        using var cleared = await sandbox.Http.DeleteAsync(new Uri("sandbox/faults", UriKind.Relative));

        Assert.True(cleared.IsSuccessStatusCode);
        Assert.Empty(sandbox.Server.Faults.Active);
        Assert.Equal(TimeSpan.Zero, sandbox.Server.Faults.Latency);
    }

    [Fact]
    public async Task FaultsEndpoint_UnknownKind_Returns400()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("sandbox/faults", new { kind = "meteor" });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Empty(sandbox.Server.Faults.Active);
    }

    [Fact]
    public async Task FaultsEndpoint_LatencyPosted_SetsTheLatency()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("sandbox/faults", new { latency_ms = 250 });

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(250), sandbox.Server.Faults.Latency);
    }

    [Fact]
    public async Task Latency_WhenSet_DelaysTheCallByAtLeastThatLongAndStillApplies()
    {
        // Latency is measured on a real clock: it is the one switch whose point is elapsed time.
        await using var server = await SlackSandboxServer.StartAsync(new SandboxOptions
        {
            SigningSecret = SandboxHarness.Secret, BotToken = SandboxHarness.BotToken,
        });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", SandboxHarness.BotToken);
        server.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var started = TimeProvider.System.GetTimestamp();
        using var response = await http.PostAsJsonAsync(
            new Uri(server.ApiBaseUrl, "chat.postMessage"),
            new { channel = SandboxHarness.Approvals, text = "slow" });
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(300), $"answered after {elapsed}");
        Assert.Single(server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public void Add_ErrorCodeFaultWithoutCode_Throws()
    {
        var faults = new SandboxFaults();

        var act = () => faults.Add(new SandboxFault(SandboxFaultKind.ErrorCode, "chat.update"));

        Assert.Throws<ArgumentException>(act);
    }

    private static Task<ApiResponse> Post(SandboxHarness sandbox) => sandbox.CallAsync(
        "chat.postMessage", new JsonObject { ["channel"] = SandboxHarness.Approvals, ["text"] = "x" });
}
