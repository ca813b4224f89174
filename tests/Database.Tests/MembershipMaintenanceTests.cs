using System.Net;
using static ApprovalBot.Database.Tests.MembershipTables;

namespace ApprovalBot.Database.Tests;

/// <summary>Orleans' ADO.NET membership table and gateway list on our schema: liveness, cleanup.</summary>
public sealed class MembershipMaintenanceTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Membership_IAmAlive_UpdatesOnlyThatSilo()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);
        var first = Member(11111);
        await table.InsertRowAsync(first, (await table.ReadAllAsync()).Version.Next());
        await table.InsertRowAsync(Member(11112), (await table.ReadAllAsync()).Version.Next());
        first.IAmAliveTime = Start.AddMinutes(5);

        await table.UpdateIAmAliveAsync(first);
        var members = (await table.ReadAllAsync()).Members.Select(member => member.Item1).ToList();

        var refreshed = members.Single(member => member.SiloAddress == first.SiloAddress);
        var untouched = members.Single(member => member.SiloAddress != first.SiloAddress);
        Assert.Equal(Start.AddMinutes(5), refreshed.IAmAliveTime);
        Assert.Equal(Start, untouched.IAmAliveTime);
        Assert.Equal(2, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Membership_GatewayList_ReturnsActiveSilosProxyEndpoints()
    {
        var (table, clusterId) = await StartClusterAsync(fixture.Database);
        var active = Member(11111);
        var joining = Member(11112);
        await table.InsertRowAsync(active, (await table.ReadAllAsync()).Version.Next());
        await table.InsertRowAsync(joining, (await table.ReadAllAsync()).Version.Next());
        active.Status = SiloStatus.Active;
        await UpdateAsync(table, active);
        var gateways = await StartGatewayListAsync(fixture.Database, clusterId);

        var uris = await gateways.GetGatewaysAsync();

        var gateway = Assert.Single(uris);
        var proxy = SiloAddress.New(IPAddress.Loopback, active.ProxyPort, active.SiloAddress.Generation);
        Assert.Equal(proxy.ToGatewayUri(), gateway);
    }

    [Fact]
    public async Task Membership_CleanupDefunct_RemovesOnlyDeadSilosLastSeenBefore()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);
        var dead = Member(11111);
        var alive = Member(11112);
        await table.InsertRowAsync(dead, (await table.ReadAllAsync()).Version.Next());
        await table.InsertRowAsync(alive, (await table.ReadAllAsync()).Version.Next());
        dead.Status = SiloStatus.Dead;
        await UpdateAsync(table, dead);

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Start.AddMinutes(1)));

        var member = Assert.Single((await table.ReadAllAsync()).Members).Item1;
        Assert.Equal(alive.SiloAddress, member.SiloAddress);
    }

    [Fact]
    public async Task Membership_DeleteEntries_RemovesOnlyThatCluster()
    {
        var (table, clusterId) = await StartClusterAsync(fixture.Database);
        var (other, _) = await StartClusterAsync(fixture.Database);
        await table.InsertRowAsync(Member(11111), (await table.ReadAllAsync()).Version.Next());
        await other.InsertRowAsync(Member(11111), (await other.ReadAllAsync()).Version.Next());

        await table.DeleteMembershipTableEntriesAsync(clusterId);

        Assert.Single((await other.ReadAllAsync()).Members);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        Assert.Empty((await table.ReadAllAsync()).Members);
    }
}
