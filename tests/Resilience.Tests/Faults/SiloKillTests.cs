using System.Diagnostics;
using ApprovalBot.Grains;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.TestSupport;
using ApprovalBot.TestSupport.Cluster;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ApprovalBot.Resilience.Tests.Faults;

/// <summary>
/// Two silos with real ADO.NET membership; one is killed while approvers' clicks are being decided.
/// </summary>
public sealed class SiloKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 40;

    /// <summary>
    /// Clicks are spread out so the kill lands among them, some before, some during, some after.
    /// </summary>
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(15);
    private static readonly TimeSpan CallWait = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private ApprovalTestContext _context = null!;
    private ApprovalTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("silo_kill");
        await _database.MigrateAsync();
        _context = new ApprovalTestContext(_database.RuntimeConnectionString, _time);
        _cluster = await ApprovalTestCluster.StartAsync(_context, silos: 2);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task KilledSilo_ClicksInFlight_EachDecisionRecordedOnceOrReportedFailedNeverHalfApplied()
    {
        var tokens = new Dictionary<string, string>();
        for (var i = 0; i < Requests; i++)
        {
            var id = GrainDriver.NewCorrelationId();
            tokens[id] = await GrainDriver.SubmitPostedAsync(_cluster.Grains, _context.Slack, id,
                GrainDriver.Submission($"U0KILL{i:D4}"));
        }

        var victim = _cluster.Cluster.Silos[1];
        var onVictim = await ActivationsOnAsync(victim.SiloAddress, tokens.Keys);
        var clock = Stopwatch.StartNew();

        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clicks = tokens.Select((t, i) => Task.Run(async () =>
        {
            await Task.Delay(Spacing * i);
            if (i == Requests / 2)
            {
                halfSent.SetResult();
            }

            return await Task.WhenAll(
                ClickAsync(t.Key, TestIds.Approver1, t.Value, DecisionKind.Approve),
                ClickAsync(t.Key, TestIds.Approver2, t.Value, DecisionKind.Deny));
        })).ToList();
        await halfSent.Task;
        await _cluster.Cluster.KillSiloAsync(victim);
        var firstRound = (await Task.WhenAll(clicks)).SelectMany(pair => pair).ToList();
        var retries = await Task.WhenAll(tokens
            .Where(t => !firstRound.Any(c => c.Id == t.Key && c.Outcome == DecisionOutcome.Accepted))
            .Select(t => RetryUntilAnsweredAsync(t.Key, TestIds.Approver3, t.Value)));
        var recovered = clock.Elapsed;
        var stored = await new StoredRequests(_context.ConnectionString, _context.ServiceId,
            _cluster.Cluster.Client.ServiceProvider).DrainedAsync(_time, TimeSpan.FromMinutes(1),
            TimeSpan.FromSeconds(90));

        var failed = firstRound.Count(c => c.Outcome is null);
        var refused = firstRound.Count(c => c.Outcome is not (null or DecisionOutcome.Accepted));
        output.WriteLine($"{onVictim.Count} of {Requests} requests were active on the killed silo. " +
            $"First round: {Count(firstRound, DecisionOutcome.Accepted)} accepted, {failed} failed, " +
            $"{refused} refused; " +
            $"{retries.Length} retried, {Count(retries, DecisionOutcome.Accepted)} accepted on retry, " +
            $"all answered {recovered.TotalSeconds:F1} s after the kill.");
        Assert.NotEmpty(onVictim);
        foreach (var id in tokens.Keys)
        {
            var state = stored[id];
            var accepted = firstRound.Concat(retries)
                .Where(c => c.Id == id && c.Outcome == DecisionOutcome.Accepted).ToList();
            Assert.True(state.IsTerminal, $"{id} is still {state.Status} after every click was answered.");
            Assert.Single(state.History, h => h.Event is "approved" or "denied");
            Assert.True(accepted.Count <= 1, $"{id}: {accepted.Count} clicks were told they decided it.");
            Assert.All(accepted, c => Assert.Equal(c.Clicker, state.DecidedBy));
        }

        Agreement.Holds(tokens.Keys, stored, new RecordedSlackView(_context.Slack));
    }

    private static int Count(IEnumerable<Click> clicks, DecisionOutcome outcome) =>
        clicks.Count(c => c.Outcome == outcome);

    /// <summary>
    /// One click; a null outcome means the caller was told it failed (or heard nothing in time).
    /// </summary>
    private async Task<Click> ClickAsync(string id, string clicker, string token, DecisionKind kind)
    {
        try
        {
            var result = await _cluster.Grains.GetGrain<IApprovalGrain>(id)
                .DecideAsync(new DecisionRequest(clicker, TestIds.ApprovalChannel, token, kind))
                .WaitAsync(CallWait);
            return new Click(id, clicker, result.Outcome);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or SiloUnavailableException)
        {
            return new Click(id, clicker, null);
        }
    }

    /// <summary>Clicks again, as a user told "not confirmed" would, until the cluster answers.</summary>
    private async Task<Click> RetryUntilAnsweredAsync(string id, string clicker, string token)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var click = await ClickAsync(id, clicker, token, DecisionKind.Approve);
            if (click.Outcome is not null || DateTime.UtcNow > deadline)
            {
                return click;
            }

            await Task.Delay(200);
        }
    }

    private async Task<HashSet<string>> ActivationsOnAsync(SiloAddress silo, IEnumerable<string> ids)
    {
        var statistics = await _cluster.Grains.GetGrain<IManagementGrain>(0)
            .GetDetailedGrainStatistics(null, [silo]);
        var active = statistics.Select(s => s.GrainId.Key.ToString()).ToHashSet();
        return [.. ids.Where(active.Contains)];
    }

    private sealed record Click(string Id, string Clicker, DecisionOutcome? Outcome);
}
