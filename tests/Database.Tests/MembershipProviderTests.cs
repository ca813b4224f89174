using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace ApprovalBot.Database.Tests;

/// <summary>Orleans' own AdoNetClusteringTable and gateway list against our schema, as the runtime role.</summary>
public sealed class MembershipProviderTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTime Start = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Membership_NewCluster_ReadAllHasVersionZeroAndNoMembers()
    {
        var (table, _) = await StartClusterAsync();

        var data = await table.ReadAllAsync();

        Assert.Equal(0, data.Version.Version);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task Membership_InsertWithCurrentVersion_SucceedsAndStaleVersionIsRefused()
    {
        var (table, _) = await StartClusterAsync();
        var before = (await table.ReadAllAsync()).Version;

        var first = await table.InsertRowAsync(Silo(11111), before.Next());
        var stale = await table.InsertRowAsync(Silo(11112), before.Next());
        var data = await table.ReadAllAsync();

        Assert.True(first);
        Assert.False(stale);
        Assert.Equal(1, data.Version.Version);
        var member = Assert.Single(data.Members).Item1;
        Assert.Equal(Silo(11111).SiloAddress, member.SiloAddress);
        Assert.Equal("silo-11111", member.SiloName);
        Assert.Equal(Start, member.StartTime);
    }

    [Fact]
    public async Task Membership_InsertSameSiloTwice_RefusedAndVersionNotBumped()
    {
        var (table, _) = await StartClusterAsync();
        await table.InsertRowAsync(Silo(11111), (await table.ReadAllAsync()).Version.Next());

        var again = await table.InsertRowAsync(Silo(11111), (await table.ReadAllAsync()).Version.Next());

        Assert.False(again);
        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Membership_UpdateWithVersionCheck_AppliesOnlyWithCurrentVersion()
    {
        var (table, _) = await StartClusterAsync();
        var silo = Silo(11111);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var read = await table.ReadRowAsync(silo.SiloAddress);
        var suspecter = SiloAddress.New(IPAddress.Loopback, 22222, 7);
        silo.Status = SiloStatus.Active;
        silo.SuspectTimes = [Tuple.Create(suspecter, Start.AddMinutes(1))];

        var updated = await table.UpdateRowAsync(silo, string.Empty, read.Version.Next());
        var stale = await table.UpdateRowAsync(silo, string.Empty, read.Version.Next());
        var after = (await table.ReadRowAsync(silo.SiloAddress)).Members.Single().Item1;

        Assert.True(updated);
        Assert.False(stale);
        Assert.Equal(SiloStatus.Active, after.Status);
        Assert.Equal(suspecter, Assert.Single(after.SuspectTimes ?? []).Item1);
    }

    [Fact]
    public async Task Membership_UpdateOfMissingSilo_RefusedAndVersionNotBumped()
    {
        var (table, _) = await StartClusterAsync();
        var version = (await table.ReadAllAsync()).Version;

        var updated = await table.UpdateRowAsync(Silo(11111), string.Empty, version.Next());

        Assert.False(updated);
        Assert.Equal(0, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Membership_ConcurrentInsertsOfOneVersion_OnlyOneSucceeds()
    {
        var (table, _) = await StartClusterAsync();
        var version = (await table.ReadAllAsync()).Version;

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => table.InsertRowAsync(Silo(11111 + i), version.Next())));

        Assert.Single(results, inserted => inserted);
        Assert.Single((await table.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Membership_IAmAlive_UpdatesOnlyThatSilo()
    {
        var (table, _) = await StartClusterAsync();
        var first = Silo(11111);
        await table.InsertRowAsync(first, (await table.ReadAllAsync()).Version.Next());
        await table.InsertRowAsync(Silo(11112), (await table.ReadAllAsync()).Version.Next());
        first.IAmAliveTime = Start.AddMinutes(5);

        await table.UpdateIAmAliveAsync(first);
        var members = (await table.ReadAllAsync()).Members.Select(member => member.Item1).ToList();

        Assert.Equal(Start.AddMinutes(5), members.Single(m => m.SiloAddress.Endpoint.Port == 11111).IAmAliveTime);
        Assert.Equal(Start, members.Single(m => m.SiloAddress.Endpoint.Port == 11112).IAmAliveTime);
        Assert.Equal(2, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Membership_GatewayList_ReturnsActiveSilosProxyEndpoints()
    {
        var (table, clusterId) = await StartClusterAsync();
        var active = Silo(11111);
        var joining = Silo(11112);
        await table.InsertRowAsync(active, (await table.ReadAllAsync()).Version.Next());
        await table.InsertRowAsync(joining, (await table.ReadAllAsync()).Version.Next());
        active.Status = SiloStatus.Active;
        await table.UpdateRowAsync(active, string.Empty, (await table.ReadAllAsync()).Version.Next());
        var gateways = await StartGatewayListAsync(clusterId);

        var uris = await gateways.GetGatewaysAsync();

        var gateway = Assert.Single(uris);
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, active.ProxyPort, active.SiloAddress.Generation).ToGatewayUri(), gateway);
    }

    [Fact]
    public async Task Membership_CleanupDefunct_RemovesOnlyDeadSilosLastSeenBefore()
    {
        var (table, _) = await StartClusterAsync();
        var dead = Silo(11111);
        var alive = Silo(11112);
        await table.InsertRowAsync(dead, (await table.ReadAllAsync()).Version.Next());
        await table.InsertRowAsync(alive, (await table.ReadAllAsync()).Version.Next());
        dead.Status = SiloStatus.Dead;
        await table.UpdateRowAsync(dead, string.Empty, (await table.ReadAllAsync()).Version.Next());

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Start.AddMinutes(1)));

        var member = Assert.Single((await table.ReadAllAsync()).Members).Item1;
        Assert.Equal(alive.SiloAddress, member.SiloAddress);
    }

    [Fact]
    public async Task Membership_DeleteEntries_RemovesOnlyThatCluster()
    {
        var (table, clusterId) = await StartClusterAsync();
        var (other, _) = await StartClusterAsync();
        await table.InsertRowAsync(Silo(11111), (await table.ReadAllAsync()).Version.Next());
        await other.InsertRowAsync(Silo(11111), (await other.ReadAllAsync()).Version.Next());

        await table.DeleteMembershipTableEntriesAsync(clusterId);

        Assert.Single((await other.ReadAllAsync()).Members);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        Assert.Empty((await table.ReadAllAsync()).Members);
    }

    private static MembershipEntry Silo(int port) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 3),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = SiloStatus.Joining,
        ProxyPort = port + 1000,
        StartTime = Start,
        IAmAliveTime = Start,
    };

    private async Task<(AdoNetClusteringTable Table, string ClusterId)> StartClusterAsync()
    {
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var options = new AdoNetClusteringSiloOptions
        {
            Invariant = "Npgsql",
            ConnectionString = fixture.Database.RuntimeConnectionString,
        };
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-tests" }),
            Options.Create(options),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return (table, clusterId);
    }

    private async Task<AdoNetGatewayListProvider> StartGatewayListAsync(string clusterId)
    {
        var options = new AdoNetClusteringClientOptions
        {
            Invariant = "Npgsql",
            ConnectionString = fixture.Database.RuntimeConnectionString,
        };
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(options),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-tests" }));
        await provider.InitializeGatewayListProviderAsync();
        return provider;
    }
}
