using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace ApprovalBot.Database.Tests;

/// <summary>Orleans' own AdoNetGrainStorage against our schema, as the runtime role.</summary>
public sealed class GrainStorageProviderTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private const string StateName = "approval";

    [Fact]
    public async Task GrainStorage_WriteThenRead_RoundTripsStateAndETag()
    {
        var storage = await StartStorageAsync();
        var grain = NewGrainId();
        var written = new GrainState<Counter>(new Counter { Value = 42 });

        await storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<Counter>();
        await storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal("1", written.ETag);
        Assert.Equal(42, read.State?.Value);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task GrainStorage_StaleETag_ThrowsInconsistentState()
    {
        var storage = await StartStorageAsync();
        var grain = NewGrainId();
        await storage.WriteStateAsync(StateName, grain, new GrainState<Counter>(new Counter { Value = 1 }));
        var current = new GrainState<Counter>();
        var stale = new GrainState<Counter>();
        await storage.ReadStateAsync(StateName, grain, current);
        await storage.ReadStateAsync(StateName, grain, stale);

        await storage.WriteStateAsync(StateName, grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grain, stale));
        Assert.Equal("2", current.ETag);
    }

    [Fact]
    public async Task GrainStorage_TwoActivationsWriteFirst_SecondThrowsInconsistentState()
    {
        var storage = await StartStorageAsync();
        var grain = NewGrainId();

        await storage.WriteStateAsync(StateName, grain, new GrainState<Counter>(new Counter { Value = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(
            StateName, grain, new GrainState<Counter>(new Counter { Value = 2 })));
    }

    [Fact]
    public async Task GrainStorage_Clear_ResetsStateAndKeepsVersion()
    {
        var storage = await StartStorageAsync();
        var grain = NewGrainId();
        var state = new GrainState<Counter>(new Counter { Value = 5 });
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);
        var read = new GrainState<Counter>();
        await storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal("2", state.ETag);
        Assert.False(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(0, read.State?.Value);
    }

    [Fact]
    public async Task GrainStorage_DeleteStateOnClear_RemovesRowSoAFreshWriteStartsOver()
    {
        var storage = await StartStorageAsync(deleteStateOnClear: true);
        var grain = NewGrainId();
        var state = new GrainState<Counter>(new Counter { Value = 5 });
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task GrainStorage_IntegerAndGuidKeys_AreKeptApart()
    {
        var storage = await StartStorageAsync();
        var integerGrain = GrainId.Create("approval-index", "2a");
        var guidGrain = GrainId.Create("approval-index", Guid.NewGuid().ToString("N"));

        await storage.WriteStateAsync(StateName, integerGrain, State(1));
        await storage.WriteStateAsync(StateName, guidGrain, State(2));
        var integerState = new GrainState<Counter>();
        var guidState = new GrainState<Counter>();
        await storage.ReadStateAsync(StateName, integerGrain, integerState);
        await storage.ReadStateAsync(StateName, guidGrain, guidState);

        Assert.Equal(1, integerState.State?.Value);
        Assert.Equal(2, guidState.State?.Value);
    }

    private static GrainState<Counter> State(int value) => new(new Counter { Value = value });

    private static GrainId NewGrainId() => GrainId.Create("approval", $"corr-{Guid.NewGuid()}");

    private async Task<AdoNetGrainStorage> StartStorageAsync(bool deleteStateOnClear = false)
    {
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = "Npgsql",
            ConnectionString = fixture.Database.RuntimeConnectionString,
            GrainStorageSerializer = new JsonStateSerializer(),
            DeleteStateOnClear = deleteStateOnClear,
        };
        var cluster = new ClusterOptions
        {
            ClusterId = "storage-tests",
            ServiceId = $"svc-{Guid.NewGuid():N}",
        };
        var storage = new AdoNetGrainStorage(
            new NewStateActivators(), NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(options), Options.Create(cluster), "approvals");
        var lifecycle = new FakeSiloLifecycle();
        storage.Participate(lifecycle);
        await lifecycle.StartAsync();
        return storage;
    }

    public sealed class Counter
    {
        public int Value { get; set; }
    }
}
