using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Grains.Tests.Support;

/// <summary>A fresh migrated database, a fake clock and one running silo, shared by a test collection.</summary>
public sealed class FakeClockClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    public FakeTimeProvider Time { get; } = new(Start);

    public ApprovalTestContext Context { get; private set; } = null!;

    public ApprovalTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Grains;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("grains");
        await _database.MigrateAsync();
        Context = new ApprovalTestContext(_database.RuntimeConnectionString, Time);
        Cluster = await ApprovalTestCluster.StartAsync(Context);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Context.DisposeAsync();
        await _database!.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockCluster : ICollectionFixture<FakeClockClusterFixture>
{
    public const string Name = "fake-clock cluster";
}
