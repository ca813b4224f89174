using ApprovalBot.TestSupport;
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
    private TestDatabase _database = null!;
    private ApprovalTestContext _context = null!;
    private ApprovalTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("property_restart");
        await _database.MigrateAsync();
        _context = new ApprovalTestContext(_database.RuntimeConnectionString, _time);
        _cluster = await ApprovalTestCluster.StartAsync(_context);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Requests_ClusterRestartedMidRun_OneOutcomeByPermittedUserAndSlackAgrees()
    {
        var executor = new RunExecutor(_context, _time, () => _cluster.Cluster.Client)
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
        await _cluster.DisposeAsync();
        _cluster = await ApprovalTestCluster.StartAsync(_context);
    }
}
