using System.Diagnostics;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Processes;
using ApprovalBot.TestSupport.Product;
using Xunit.Abstractions;

namespace ApprovalBot.Cluster.Tests;

/// <summary>
/// Two Silo processes and an Api process, started the way scripts/cluster.sh starts them, with the sandbox as
/// Slack. One silo is SIGKILLed while requests and clicks stream in; every request must still end with exactly one
/// outcome and a rewritten message. Then the silo comes back on another port.
/// </summary>
public sealed class ProcessFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 24;
    private readonly List<ProductProcess> _processes = [];
    private TestDatabase _database = null!;
    private SlackSandboxServer _sandbox = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("processes");
        await _database.MigrateAsync();
        _sandbox = await SlackSandboxServer.StartAsync(new SandboxOptions
        {
            SigningSecret = ProductHarness.SigningSecret, BotToken = ProductHarness.BotToken, EnforceRateLimits = false,
        });
        _environment = new()
        {
            ["ConnectionStrings__ApprovalBot"] = _database.RuntimeConnectionString,
            ["Orleans__ClusterId"] = _database.Name,
            ["Orleans__ServiceId"] = _database.Name,
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["Slack__SigningSecret"] = ProductHarness.SigningSecret,
            ["Slack__BotToken"] = ProductHarness.BotToken,
            ["Slack__ApiBaseUrl"] = _sandbox.ApiBaseUrl.ToString(),
            ["Slack__ResponseUrlHosts__0"] = _sandbox.ResponseUrlHost,
            ["Slack__ApprovalChannelId"] = SandboxFlow.ApprovalChannel,
            ["Slack__PostsPerSecondPerChannel"] = "0",
            ["Approval__Approvers__0"] = SandboxUsers.Bob,
            ["Approval__Approvers__1"] = SandboxUsers.Carol,
            ["Approval__MaxPendingPerRequester"] = "1000",
            ["Api__GrainCallBudget"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__MigrateOnStart"] = "false",
        };
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _sandbox.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SiloKilledDuringStream_EveryRequestOneOutcome_AndRestartedSiloJoinsOnNewPort()
    {
        var silo1 = await StartSiloAsync("silo1");
        var silo2 = await StartSiloAsync("silo2");
        var api = await StartApiAsync();

        var ids = new List<string>();
        var killed = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
        {
            if (i == Requests / 3)
            {
                silo2.Process.Kill();
                killed = clock.Elapsed;
            }

            ids.Add(await SubmitUntilConfirmedAsync($"stream{i}@example.com"));
        }

        foreach (var id in ids)
        {
            await ApproveUntilFinalAsync(id);
        }

        var deadAt = await SecondsUntilAsync(() => MembershipStatusAsync(silo2.SiloPort, 6), clock);
        var deadAfter = deadAt - killed.TotalSeconds;
        var restartedAt = clock.Elapsed;
        var silo3 = await StartSiloAsync("silo2-restarted");
        var joinedAfter = clock.Elapsed - restartedAt;

        output.WriteLine($"Killed silo declared dead {deadAfter:F1} s after SIGKILL; restarted on port " +
            $"{silo3.SiloPort} it was active {joinedAfter.TotalSeconds:F1} s after start.");
        foreach (var id in ids)
        {
            var messages = SandboxFlow.ApprovalMessages(_sandbox.Workspace, id);
            var message = Assert.Single(messages);
            Assert.Empty(message.ButtonActionIds());
            Assert.Contains("approved", SandboxFlow.AllText(message), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(ids.Count, _sandbox.Workspace.Calls("chat.update").Select(c => c.Body)
            .Count(body => ids.Any(id => body.Contains(id, StringComparison.Ordinal))));
        Assert.False(silo1.Process.HasExited || api.HasExited, "surviving processes keep running");
    }

    private async Task<string> SubmitUntilConfirmedAsync(string email)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var (status, text, id) = await _sandbox.CommandAsync(SandboxUsers.Alice, email);
            Assert.Equal(200, status);
            if (id is not null)
            {
                await _sandbox.WaitForApprovalMessageAsync(id);
                return id;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no confirmation for {email}; last reply: {text}");
        }
    }

    private async Task ApproveUntilFinalAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (SandboxFlow.ApprovalMessage(_sandbox.Workspace, id) is { } message
            && message.ButtonActionIds().Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} was never approved; approval messages: " +
                string.Join(", ", SandboxFlow.ApprovalMessages(_sandbox.Workspace, id)
                    .Select(m => $"{m.Ts} with {m.ButtonActionIds().Count} buttons")));
            await _sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");
            try
            {
                await _sandbox.WaitForFinalMessageAsync(id, "approved");
            }
            catch (TimeoutException)
            {
                // The click may have landed while the grain's silo was being declared dead; click again.
            }
        }
    }

    private async Task<bool> MembershipStatusAsync(int siloPort, int status) =>
        await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_membership WHERE port = {siloPort} AND status = {status}") > 0;

    private static async Task<double> SecondsUntilAsync(Func<Task<bool>> condition, Stopwatch clock)
    {
        await Eventually.HoldsAsync(condition, "the membership change", TimeSpan.FromSeconds(120));
        return clock.Elapsed.TotalSeconds;
    }

    private async Task<(ProductProcess Process, int SiloPort)> StartSiloAsync(string name)
    {
        var siloPort = FreePorts.Next();
        var http = FreePorts.Next();
        var environment = new Dictionary<string, string>(_environment)
        {
            ["Orleans__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}",
        };
        var process = ProductProcess.Start(name, "Silo", environment);
        _processes.Add(process);
        await WaitReadyAsync(process, new Uri($"http://127.0.0.1:{http}/health/ready"));
        return (process, siloPort);
    }

    private async Task<ProductProcess> StartApiAsync()
    {
        var http = FreePorts.Next();
        var environment = new Dictionary<string, string>(_environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}",
        };
        var process = ProductProcess.Start("api", "Api", environment);
        _processes.Add(process);
        await WaitReadyAsync(process, new Uri($"http://127.0.0.1:{http}/health/ready"));
        _sandbox.SetAppBaseUrl(new Uri($"http://127.0.0.1:{http}/"));
        return process;
    }

    private static async Task WaitReadyAsync(ProductProcess process, Uri ready)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        await Eventually.HoldsAsync(async () =>
        {
            Assert.False(process.HasExited, $"{process.Name} exited; see {process.LogPath}");
            try
            {
                return (await http.GetAsync(ready)).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"{process.Name} to report ready at {ready}", TimeSpan.FromSeconds(90));
    }
}
