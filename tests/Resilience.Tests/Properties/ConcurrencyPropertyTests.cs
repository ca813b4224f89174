using ApprovalBot.TestSupport.Cluster;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// Random interleavings of submissions, cancellations, clicks (approvers, the requester, an outsider, double
/// clicks) and timeouts, on one shared cluster, each run checked against the model of the rules.
/// </summary>
public sealed class ConcurrencyPropertyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Runs = 200;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private ClusterOnFreshDatabase _setup = null!;

    public async Task InitializeAsync() => _setup = await ClusterOnFreshDatabase.StartAsync("property", _time);

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task Requests_RandomConcurrentClicksAndTimeouts_OneOutcomeByPermittedUserAndSlackAgrees()
    {
        var executor = new RunExecutor(_setup.Context, _time, () => _setup.Cluster.Cluster.Client);

        await RunGen.Run.SampleAsync(executor.ExecuteAsync, output.WriteLine, iter: Runs, threads: 1);

        output.WriteLine(executor.Statistics.ToString());
        Assert.True(executor.Statistics.Runs >= Runs,
            $"Expected {Runs} runs, saw {executor.Statistics.Runs}.");
    }
}
