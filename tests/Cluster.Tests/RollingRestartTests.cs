using ApprovalBot.Grains;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;
using Xunit.Abstractions;

namespace ApprovalBot.Cluster.Tests;

/// <summary>
/// A rolling restart: while requests and clicks stream in, a new silo joins and an old one is stopped gracefully,
/// twice, so that no original silo is left. Slack must never see a 5xx and no outcome may be lost.
/// </summary>
public sealed class RollingRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ProductHarness _product = null!;

    private SlackSandboxServer Sandbox => _product.Sandbox;

    public async Task InitializeAsync()
    {
        _product = await ProductHarness.CreateAsync("rolling",
            settings: s => s["Approval:MaxPendingPerRequester"] = "1000");
        await _product.StartAsync(silos: 2);
    }

    public async Task DisposeAsync() => await _product.DisposeAsync();

    [Fact]
    public async Task RollingRestart_TwoSilosReplacedDuringTraffic_NoServerErrorAndEveryOutcomeKept()
    {
        var statuses = new List<int>();
        var ids = new List<string>();
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(() => StreamAsync(ids, statuses, stop.Token));

        var cluster = _product.Cluster!.Cluster;
        foreach (var original in cluster.Silos.ToList())
        {
            await cluster.StartAdditionalSiloAsync();
            await MoreTrafficAsync(ids, 5);
            await cluster.StopSiloAsync(original);
            await MoreTrafficAsync(ids, 5);
        }

        await stop.CancelAsync();
        await traffic;
        foreach (var id in ids)
        {
            await ApproveUntilFinalAsync(id);
        }

        output.WriteLine($"{ids.Count} requests and {statuses.Count} Slack requests during the rolling restart; " +
            $"answers: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}"))}");
        Assert.NotEmpty(ids);
        Assert.All(statuses, status => Assert.Equal(200, status));
        foreach (var id in ids)
        {
            var snapshot = await _product.SnapshotAsync(id);
            Assert.Equal(ApprovalStatus.Approved, snapshot!.Status);
            Assert.Single(snapshot.History, h => h.Event == "approved");
            Assert.Single(SandboxFlow.ApprovalMessages(Sandbox.Workspace, id));
        }
    }

    private async Task StreamAsync(List<string> ids, List<int> statuses, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested && i < 500; i++)
        {
            var (status, _, id) = await Sandbox.CommandAsync(SandboxUsers.Alice, $"rolling{i}@example.com");
            Record(statuses, status);
            if (id is null)
            {
                continue;
            }

            lock (ids)
            {
                ids.Add(id);
            }

            if (SandboxFlow.ApprovalMessage(Sandbox.Workspace, id) is { } message
                && message.ButtonActionIds().Count > 0)
            {
                var click = await Sandbox.ClickAsync(
                    SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve", CancellationToken.None);
                Record(statuses, click.StatusCode);
            }
        }
    }

    /// <summary>Lets the stream confirm <paramref name="count"/> more requests before the next step.</summary>
    private static async Task MoreTrafficAsync(List<string> ids, int count)
    {
        int Seen()
        {
            lock (ids)
            {
                return ids.Count;
            }
        }

        var target = Seen() + count;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Seen() < target)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the stream confirmed only {Seen()} of {target} requests");
            await Task.Delay(50);
        }
    }

    private static void Record(List<int> statuses, int status)
    {
        lock (statuses)
        {
            statuses.Add(status);
        }
    }

    private async Task ApproveUntilFinalAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        await Sandbox.WaitForApprovalMessageAsync(id);
        while (SandboxFlow.ApprovalMessage(Sandbox.Workspace, id) is { } message
            && message.ButtonActionIds().Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} was never approved");
            await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");
            await Task.Delay(200);
        }
    }
}
