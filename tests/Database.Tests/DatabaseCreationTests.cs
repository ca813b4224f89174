using ApprovalBot.Silo.Database;
using ApprovalBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApprovalBot.Database.Tests;

public sealed class DatabaseCreationTests
{
    [Fact]
    public async Task Migrate_MissingDatabaseCreationAllowed_CreatesAndMigratesIt()
    {
        await using var database = await CreateDroppedDatabaseAsync();

        var report = await MigrateCreatingAsync(database);

        Assert.True(report.DatabaseCreated);
        Assert.Equal(4, report.AppliedScripts.Count);
    }

    [Fact]
    public async Task Migrate_TwoCreatorsAtOnce_BothSucceedAndOneCreates()
    {
        await using var database = await CreateDroppedDatabaseAsync();

        var reports = await Task.WhenAll(MigrateCreatingAsync(database), MigrateCreatingAsync(database));

        Assert.Single(reports, report => report.DatabaseCreated);
        Assert.Equal(4, reports.Sum(report => report.AppliedScripts.Count));
    }

    [Fact]
    public async Task Migrate_MissingDatabaseCreationNotAllowed_FailsNamingDatabaseAndKey()
    {
        await using var database = await CreateDroppedDatabaseAsync();

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.MigrateAsync(
            database.AdminConnectionString, database.RuntimeConnectionString, false, NullLogger.Instance));

        Assert.Contains(database.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains(SchemaMigrator.AdminConnectionStringKey, error.Message, StringComparison.Ordinal);
    }

    private static Task<MigrationReport> MigrateCreatingAsync(TestDatabase database) =>
        SchemaMigrator.MigrateAsync(
            database.AdminConnectionString, database.RuntimeConnectionString, true, NullLogger.Instance);

    private static async Task<TestDatabase> CreateDroppedDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync("creation");
        await database.DropAsync();
        return database;
    }
}
