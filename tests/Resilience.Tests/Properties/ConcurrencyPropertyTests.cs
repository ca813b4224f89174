using ApprovalBot.TestSupport;
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
    private TestDatabase _database = null!;
    private ApprovalTestContext _context = null!;
    private ApprovalTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("property");
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
    public async Task Requests_RandomConcurrentClicksAndTimeouts_OneOutcomeByPermittedUserAndSlackAgrees()
    {
        var executor = new RunExecutor(_context, _time, () => _cluster.Cluster.Client);

        await RunGen.Run.SampleAsync(executor.ExecuteAsync, output.WriteLine, iter: Runs, threads: 1);

        output.WriteLine(executor.Statistics.ToString());
        Assert.True(executor.Statistics.Runs >= Runs,
            $"Expected {Runs} runs, saw {executor.Statistics.Runs}.");
    }
}
