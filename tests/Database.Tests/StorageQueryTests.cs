using ApprovalBot.TestSupport;

namespace ApprovalBot.Database.Tests;

/// <summary>The grain storage query texts, run as the provider runs them, as the runtime role.</summary>
public sealed class StorageQueryTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private TestDatabase Database => fixture.Database;

    [Fact]
    public async Task Storage_StaleVersionWrite_IsRefused()
    {
        var grain = StorageKey.NewStringKey();
        var first = await WriteAsync(grain, ProviderQuery.NoVersion, [1]);

        var staleVersion = await WriteAsync(grain, 0, [2]);
        var secondInsert = await WriteAsync(grain, ProviderQuery.NoVersion, [3]);

        Assert.Equal(1, first);
        Assert.Null(staleVersion);
        Assert.Null(secondInsert);
        Assert.Equal((1, new byte[] { 1 }), await ReadAsync(grain));
    }

    [Fact]
    public async Task Storage_CurrentVersionWrite_AdvancesVersion()
    {
        var grain = StorageKey.NewStringKey();
        await WriteAsync(grain, ProviderQuery.NoVersion, [1]);

        var second = await WriteAsync(grain, 1, [2]);

        Assert.Equal(2, second);
        Assert.Equal((2, new byte[] { 2 }), await ReadAsync(grain));
    }

    [Fact]
    public async Task Storage_ConcurrentFirstWrites_OnlyOneInserts()
    {
        var grain = StorageKey.NewStringKey();

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => WriteAsync(grain, ProviderQuery.NoVersion, [(byte)i])));

        Assert.Single(results, result => result == 1);
        Assert.Equal(7, results.Count(result => result is null));
    }

    [Fact]
    public async Task Storage_ConcurrentWritesOfOneVersion_OnlyOneWins()
    {
        var grain = StorageKey.NewStringKey();
        await WriteAsync(grain, ProviderQuery.NoVersion, [0]);

        var results = await Task.WhenAll(
            Enumerable.Range(1, 8).Select(i => WriteAsync(grain, 1, [(byte)i])));

        Assert.Single(results, result => result == 2);
        Assert.Equal(2, (await ReadAsync(grain))?.Version);
    }

    [Fact]
    public async Task Storage_Clear_KeepsRowWithNewVersionAndRefusesStaleWriter()
    {
        var grain = StorageKey.NewStringKey();
        await WriteAsync(grain, ProviderQuery.NoVersion, [1]);

        var cleared = await ChangeAsync("ClearStorageKey", grain, 1);
        var staleWrite = await WriteAsync(grain, 1, [9]);
        var staleClear = await ChangeAsync("ClearStorageKey", grain, 1);

        Assert.Equal(2, cleared);
        Assert.Null(staleWrite);
        Assert.Null(staleClear);
        Assert.Equal((2, (byte[]?)null), await ReadAsync(grain));
    }

    [Fact]
    public async Task Storage_Delete_ReturnsNextVersionAndRemovesRow()
    {
        var grain = StorageKey.NewStringKey();
        await WriteAsync(grain, ProviderQuery.NoVersion, [1]);

        var stale = await ChangeAsync("DeleteStorageKey", grain, 7);
        var deleted = await ChangeAsync("DeleteStorageKey", grain, 1);
        var rewritten = await WriteAsync(grain, ProviderQuery.NoVersion, [2]);

        Assert.Null(stale);
        Assert.Equal(2, deleted);
        Assert.Equal(1, rewritten);
    }

    [Fact]
    public async Task Storage_SameHashesOtherKeyParts_AreSeparateRows()
    {
        var integerKey = StorageKey.NewIntegerKey(extension: null);
        var withExtension = integerKey with { Extension = "ext" };
        var otherState = integerKey with { StateName = "other-state" };

        await WriteAsync(integerKey, ProviderQuery.NoVersion, [1]);
        await WriteAsync(withExtension, ProviderQuery.NoVersion, [2]);
        await WriteAsync(otherState, ProviderQuery.NoVersion, [3]);

        Assert.Equal((1, new byte[] { 1 }), await ReadAsync(integerKey));
        Assert.Equal((1, new byte[] { 2 }), await ReadAsync(withExtension));
        Assert.Equal((1, new byte[] { 3 }), await ReadAsync(otherState));
    }

    private async Task<int?> WriteAsync(StorageKey grain, object version, byte[] payload)
    {
        var rows = await ProviderQuery.RunAsync(Database.RuntimeConnectionString, "WriteToStorageKey",
            [.. grain.Parameters(), ("GrainStateVersion", version), ("PayloadBinary", payload)]);
        return (int?)rows.SingleOrDefault()?["NewGrainStateVersion"];
    }

    private async Task<int?> ChangeAsync(string queryKey, StorageKey grain, int version)
    {
        var rows = await ProviderQuery.RunAsync(Database.RuntimeConnectionString, queryKey,
            [.. grain.Parameters(), ("GrainStateVersion", version)]);
        return (int?)rows.SingleOrDefault()?.Values.First();
    }

    private async Task<(int Version, byte[]? Payload)?> ReadAsync(StorageKey grain)
    {
        var rows = await ProviderQuery.RunAsync(
            Database.RuntimeConnectionString, "ReadFromStorageKey", [.. grain.Parameters()]);
        return rows.SingleOrDefault() is { } row
            ? ((int)row["Version"]!, (byte[]?)row["PayloadBinary"])
            : null;
    }
}
