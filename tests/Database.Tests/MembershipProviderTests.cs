using System.Net;
using static ApprovalBot.Database.Tests.MembershipTables;

namespace ApprovalBot.Database.Tests;

/// <summary>Orleans' ADO.NET membership table on our schema: the version-checked writes.</summary>
public sealed class MembershipProviderTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Membership_NewCluster_ReadAllHasVersionZeroAndNoMembers()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);

        var data = await table.ReadAllAsync();

        Assert.Equal(0, data.Version.Version);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task Membership_InsertWithCurrentVersion_SucceedsAndStaleVersionIsRefused()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);
        var before = (await table.ReadAllAsync()).Version;

        var first = await table.InsertRowAsync(Member(11111), before.Next());
        var stale = await table.InsertRowAsync(Member(11112), before.Next());
        var data = await table.ReadAllAsync();

        Assert.True(first);
        Assert.False(stale);
        Assert.Equal(1, data.Version.Version);
        var member = Assert.Single(data.Members).Item1;
        Assert.Equal(Member(11111).SiloAddress, member.SiloAddress);
        Assert.Equal("silo-11111", member.SiloName);
        Assert.Equal(Start, member.StartTime);
    }

    [Fact]
    public async Task Membership_InsertSameSiloTwice_RefusedAndVersionNotBumped()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);
        await table.InsertRowAsync(Member(11111), (await table.ReadAllAsync()).Version.Next());

        var again = await table.InsertRowAsync(Member(11111), (await table.ReadAllAsync()).Version.Next());

        Assert.False(again);
        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Membership_UpdateWithVersionCheck_AppliesOnlyWithCurrentVersion()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);
        var silo = Member(11111);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var read = await table.ReadRowAsync(silo.SiloAddress);
        var suspecter = SiloAddress.New(IPAddress.Loopback, 22222, 7);
        silo.Status = SiloStatus.Active;
        silo.SuspectTimes = [Tuple.Create(suspecter, Start.AddMinutes(1))];

        var etag = read.Members.Single().Item2;

        var updated = await table.UpdateRowAsync(silo, etag, read.Version.Next());
        var stale = await table.UpdateRowAsync(silo, etag, read.Version.Next());
        var after = (await table.ReadRowAsync(silo.SiloAddress)).Members.Single().Item1;

        Assert.True(updated);
        Assert.False(stale);
        Assert.Equal(SiloStatus.Active, after.Status);
        Assert.Equal(suspecter, Assert.Single(after.SuspectTimes ?? []).Item1);
    }

    [Fact]
    public async Task Membership_UpdateOfMissingSilo_RefusedAndVersionNotBumped()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);
        var version = (await table.ReadAllAsync()).Version;

        var updated = await table.UpdateRowAsync(Member(11111), version.VersionEtag, version.Next());

        Assert.False(updated);
        Assert.Equal(0, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Membership_ConcurrentInsertsOfOneVersion_OnlyOneSucceeds()
    {
        var (table, _) = await StartClusterAsync(fixture.Database);
        var version = (await table.ReadAllAsync()).Version;

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => table.InsertRowAsync(Member(11111 + i), version.Next())));

        Assert.Single(results, inserted => inserted);
        Assert.Single((await table.ReadAllAsync()).Members);
    }
}
