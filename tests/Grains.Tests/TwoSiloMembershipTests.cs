using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.Grains.Tests.Support;

namespace ApprovalBot.Grains.Tests;

/// <summary>Two silos clustered through the ADO.NET membership table on PostgreSQL.</summary>
public sealed class TwoSiloMembershipTests : IAsyncLifetime
{
    private ClusterOnFreshDatabase _setup = null!;

    public async Task InitializeAsync() =>
        _setup = await ClusterOnFreshDatabase.StartAsync("twosilos", silos: 2);

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task TwoSilos_AdoNetMembership_BothActiveAndBothServeApprovalGrains()
    {
        var ids = Enumerable.Range(0, 40).Select(_ => ApprovalDriver.NewCorrelationId()).ToList();

        var results = await Task.WhenAll(ids.Select(id =>
            _setup.Cluster.Grains.GetGrain<IApprovalGrain>(id).SubmitAsync(
                ApprovalDriver.Submission(
                    $"user{id[^6..]}@example.com", requester: "U0REQ" + id[^6..].ToUpperInvariant()))));

        Assert.All(results, r => Assert.Equal(SubmitOutcome.Created, r.Outcome));
        var activeRows = await _setup.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership " +
            $"WHERE deployment_id = '{_setup.Context.ServiceId}' AND status = 3");
        Assert.Equal(2, activeRows);
        var management = _setup.Cluster.Grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetSimpleGrainStatistics();
        var silosWithApprovals = stats
            .Where(s => s.GrainType.Contains("ApprovalGrain", StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress)
            .Distinct()
            .Count();
        Assert.Equal(2, silosWithApprovals);
    }
}
