using System.Net;
using ApprovalBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace ApprovalBot.Database.Tests;

/// <summary>Orleans' ADO.NET membership providers on a test database, as the runtime role.</summary>
internal static class MembershipTables
{
    public static readonly DateTime Start = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    // As the membership protocol does: the row's etag and the table version from one read.
    public static async Task UpdateAsync(AdoNetClusteringTable table, MembershipEntry entry)
    {
        var read = await table.ReadRowAsync(entry.SiloAddress);
        var updated = await table.UpdateRowAsync(entry, read.Members.Single().Item2, read.Version.Next());
        Assert.True(updated, $"Updating {entry.SiloAddress} at version {read.Version} was refused.");
    }

    public static MembershipEntry Member(int port) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 3),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = SiloStatus.Joining,
        ProxyPort = port + 1000,
        StartTime = Start,
        IAmAliveTime = Start,
    };

    public static async Task<(AdoNetClusteringTable Table, string ClusterId)> StartClusterAsync(
        TestDatabase database)
    {
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var options = new AdoNetClusteringSiloOptions
        {
            Invariant = "Npgsql",
            ConnectionString = database.RuntimeConnectionString,
        };
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-tests" }),
            Options.Create(options),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return (table, clusterId);
    }

    public static async Task<AdoNetGatewayListProvider> StartGatewayListAsync(
        TestDatabase database, string clusterId)
    {
        var options = new AdoNetClusteringClientOptions
        {
            Invariant = "Npgsql",
            ConnectionString = database.RuntimeConnectionString,
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
