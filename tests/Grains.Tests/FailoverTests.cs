using System.Diagnostics;
using ApprovalBot.Grains.Tests.Support;
using ApprovalBot.TestSupport.Cluster;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ApprovalBot.Grains.Tests;

/// <summary>Three silos with real ADO.NET membership; one is killed hard while requests are pending.</summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 30;
    private readonly FakeTimeProvider _time = new(FakeClockClusterFixture.Start);
    private ClusterOnFreshDatabase _setup = null!;

    private ApprovalTestCluster Cluster => _setup.Cluster;

    public async Task InitializeAsync() =>
        _setup = await ClusterOnFreshDatabase.StartAsync("failover", _time, silos: 3);

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task KilledSilo_PendingRequests_AllDecidedOrExpiredExactlyOnce()
    {
        var tokens = new Dictionary<string, string>();
        for (var i = 0; i < Requests; i++)
        {
            var id = ApprovalDriver.NewCorrelationId();
            tokens[id] = await ApprovalDriver.SubmitAndAwaitPostAsync(Cluster.Grains, _setup.Context, id,
                ApprovalDriver.Submission(requester: $"U0REQ{i:D5}"));
        }

        var victim = Cluster.Cluster.SecondarySilos[0];
        var onVictim = await ActivationsOnAsync(victim.SiloAddress, tokens.Keys);
        Assert.NotEmpty(onVictim);
        var clock = Stopwatch.StartNew();
        await Cluster.Cluster.KillSiloAsync(victim);

        var decided = tokens.Keys.Take(Requests / 2).ToList();
        var firstRecovered = TimeSpan.Zero;
        foreach (var id in decided.OrderByDescending(onVictim.Contains))
        {
            var result = await DecideWithRetryAsync(id, tokens[id]);
            Assert.Equal(DecisionOutcome.Accepted, result.Outcome);
            if (firstRecovered == TimeSpan.Zero && onVictim.Contains(id))
            {
                firstRecovered = clock.Elapsed;
            }
        }

        var expiring = tokens.Keys.Skip(Requests / 2).ToList();
        await FakeClock.AdvanceUntilAsync(_time, ApprovalOptions.DefaultWatchdogPeriod,
            () => expiring.All(id => Status(id) == ApprovalStatus.Expired), "every undecided request to expire");
        _time.Advance(ApprovalOptions.DefaultWatchdogPeriod);

        output.WriteLine($"{onVictim.Count} of {Requests} requests lived on the killed silo; the first of them " +
            $"was decided {firstRecovered.TotalSeconds:F1} s after the kill.");
        foreach (var id in tokens.Keys)
        {
            var snapshot = await Cluster.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync();
            var outcomes = snapshot!.History.Count(h => h.Event is "approved" or "expired" or "denied");
            Assert.Equal(1, outcomes);
        }

        Assert.All(decided, id => Assert.Equal(ApprovalStatus.Approved, Status(id)));
    }

    private ApprovalStatus Status(string id) =>
        Cluster.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync().GetAwaiter().GetResult()!.Status;

    /// <summary>Retries like the Api's users would: a call to a grain on a silo not yet declared dead fails.</summary>
    private async Task<DecisionResult> DecideWithRetryAsync(string id, string token)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                return await Cluster.Grains.GetGrain<IApprovalGrain>(id)
                    .DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token))
                    .WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (DateTime.UtcNow < deadline && e is OrleansException or TimeoutException
                or SiloUnavailableException)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task<HashSet<string>> ActivationsOnAsync(SiloAddress silo, IEnumerable<string> ids)
    {
        var management = Cluster.Grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics(null, [silo]);
        var keys = stats.Where(s => s.GrainType.Contains("ApprovalGrain", StringComparison.Ordinal))
            .Select(s => s.GrainId.Key.ToString()).ToHashSet();
        return [.. ids.Where(keys.Contains)];
    }
}
