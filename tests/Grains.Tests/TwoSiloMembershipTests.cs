using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.Grains.Tests.Support;
using ApprovalBot.TestSupport;

namespace ApprovalBot.Grains.Tests;

/// <summary>Two silos clustered through the ADO.NET membership table on PostgreSQL.</summary>
public sealed class TwoSiloMembershipTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ApprovalTestContext _context = null!;
    private ApprovalTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("twosilos");
        await _database.MigrateAsync();
        _context = new ApprovalTestContext(_database.RuntimeConnectionString);
        _cluster = await ApprovalTestCluster.StartAsync(_context, silos: 2);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TwoSilos_AdoNetMembership_BothActiveAndBothServeApprovalGrains()
    {
        var ids = Enumerable.Range(0, 40).Select(_ => ApprovalDriver.NewCorrelationId()).ToList();

        var results = await Task.WhenAll(ids.Select(id =>
            _cluster.Grains.GetGrain<IApprovalGrain>(id).SubmitAsync(
                ApprovalDriver.Submission(
                    $"user{id[^6..]}@example.com", requester: "U0REQ" + id[^6..].ToUpperInvariant()))));

        Assert.All(results, r => Assert.Equal(SubmitOutcome.Created, r.Outcome));
        var activeRows = await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{_context.ServiceId}' AND status = 3");
        Assert.Equal(2, activeRows);
        var management = _cluster.Grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetSimpleGrainStatistics();
        var silosWithApprovals = stats
            .Where(s => s.GrainType.Contains("ApprovalGrain", StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress)
            .Distinct()
            .Count();
        Assert.Equal(2, silosWithApprovals);
    }
}
