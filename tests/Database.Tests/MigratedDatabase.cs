using ApprovalBot.TestSupport;

namespace ApprovalBot.Database.Tests;

/// <summary>One migrated database for a test class; its tests keep apart by cluster or service id.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized yet.");

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        _database = await server.CreateDatabaseAsync("dbtests");
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
