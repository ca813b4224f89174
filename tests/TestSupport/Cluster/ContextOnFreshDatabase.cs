using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.TestSupport.Cluster;

/// <summary>
/// A freshly migrated database and a test context on it, for tests that start and stop clusters themselves (to
/// show what survives a restart). <see cref="ClusterOnFreshDatabase"/> is the same with one cluster running.
/// </summary>
public sealed class ContextOnFreshDatabase : IAsyncDisposable
{
    private ContextOnFreshDatabase(TestDatabase database, ApprovalTestContext context)
    {
        Database = database;
        Context = context;
    }

    public TestDatabase Database { get; }

    public ApprovalTestContext Context { get; }

    public static async Task<ContextOnFreshDatabase> CreateAsync(string name, FakeTimeProvider? time = null)
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync(name);
        await database.MigrateAsync();
        return new ContextOnFreshDatabase(database, new ApprovalTestContext(database.RuntimeConnectionString, time));
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Database.DisposeAsync();
    }
}
