using ApprovalBot.TestSupport.Cluster;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// The same runs with the whole cluster stopped and started again on the same database somewhere in each:
/// fewer runs, as a restart costs seconds.
/// </summary>
public sealed class RestartPropertyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Runs = 20;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private ClusterOnFreshDatabase _setup = null!;

    public async Task InitializeAsync() => _setup = await ClusterOnFreshDatabase.StartAsync("property_restart", _time);

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task Requests_ClusterRestartedMidRun_OneOutcomeByPermittedUserAndSlackAgrees()
    {
        var executor = new RunExecutor(_setup.Context, _time, () => _setup.Cluster.Cluster.Client)
        {
            RestartAsync = RestartAsync,
        };

        await RunGen.RunWithRestart.SampleAsync(
            executor.ExecuteAsync, output.WriteLine, iter: Runs, threads: 1);

        output.WriteLine(executor.Statistics.ToString());
        Assert.True(executor.Statistics.Runs >= Runs,
            $"Expected {Runs} runs, saw {executor.Statistics.Runs}.");
    }

    private async Task RestartAsync()
    {
        await _setup.RestartAsync();
    }
}
