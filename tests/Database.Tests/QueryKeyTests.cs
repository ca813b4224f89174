using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;

namespace ApprovalBot.Database.Tests;

public sealed partial class QueryKeyTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    // What Orleans 10.4.2's ADO.NET providers ask the OrleansQuery table for.
    private static readonly string[] ClusteringKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
        "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    private static readonly string[] StorageKeys =
    [
        "ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey",
    ];

    private static readonly string[] ReminderKeys =
    [
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "ReadReminderRowKey", "ReadReminderRowsKey", "UpsertReminderRowKey",
    ];

    [Fact]
    public async Task Migrations_AllProviderQueryKeysPresent()
    {
        var expected = ClusteringKeys.Concat(StorageKeys).Concat(ReminderKeys).Order(StringComparer.Ordinal);

        var present = await fixture.Database.ScalarAsync<string[]>(
            "SELECT array_agg(querykey ORDER BY querykey COLLATE \"C\") FROM orleansquery");

        Assert.Equal(expected, present);
    }

    [Fact]
    public void QueryKeys_InstalledProviderAssemblies_AskForNoOtherKeys()
    {
        // The providers check their keys by reflection over an internal class; reading the same
        // class here catches a provider upgrade that adds a key before a silo fails to start.
        var clustering = RequiredKeys(typeof(AdoNetClusteringTable).Assembly);
        var reminders = RequiredKeys(typeof(AdoNetReminderTableOptions).Assembly);

        var storage = StorageKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery)
            .Select(match => match.Groups["key"].Value);

        Assert.Equal(ClusteringKeys.Order(StringComparer.Ordinal), clustering);
        Assert.Equal(ReminderKeys.Order(StringComparer.Ordinal), reminders);
        Assert.Equal(StorageKeys.Order(StringComparer.Ordinal), storage.Order(StringComparer.Ordinal));
    }

    private static string[] RequiredKeys(Assembly providerAssembly)
    {
        var storedQueries = providerAssembly.GetTypes().Single(type => type.Name == "DbStoredQueries");
        return storedQueries.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(property => property.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex("QueryKey = '(?<key>[A-Za-z]+Key)'")]
    private static partial Regex StorageKey();
}
