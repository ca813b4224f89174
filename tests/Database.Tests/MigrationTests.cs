using ApprovalBot.Silo.Database;
using ApprovalBot.TestSupport;
using Npgsql;

namespace ApprovalBot.Database.Tests;

public sealed class MigrationTests
{
    private const int WaitingForLockEventId = 1101;

    private static readonly string[] AllScripts =
    [
        "0001_orleans_query_table.sql",
        "0002_clustering.sql",
        "0003_storage.sql",
        "0004_reminders.sql",
    ];

    [Fact]
    public async Task Migrations_EmptyDatabase_ApplyAllScripts()
    {
        await using var database = await CreateDatabaseAsync();

        var report = await database.MigrateAsync();

        Assert.Equal(AllScripts, report.AppliedScripts);
        Assert.False(report.DatabaseCreated);
        Assert.Equal(database.RuntimeRole, report.RuntimeRole);
        Assert.Equal(AllScripts, await JournalAsync(database));
    }

    [Fact]
    public async Task Migrations_SecondRun_AppliesNothing()
    {
        await using var database = await CreateDatabaseAsync();
        await database.MigrateAsync();

        var second = await database.MigrateAsync();

        Assert.Empty(second.AppliedScripts);
        Assert.Equal(AllScripts, await JournalAsync(database));
    }

    [Fact]
    public async Task Migrations_TwoConcurrentMigrators_BothSucceedWithoutDuplicates()
    {
        await using var database = await CreateDatabaseAsync();

        var reports = await Task.WhenAll(database.MigrateAsync(), database.MigrateAsync());

        var appliedByEither = reports.SelectMany(report => report.AppliedScripts)
            .Order(StringComparer.Ordinal);
        Assert.Equal(AllScripts, appliedByEither);
        Assert.Equal(AllScripts, await JournalAsync(database));
        Assert.Equal(
            await database.ScalarAsync<long>("SELECT count(DISTINCT querykey) FROM orleansquery"),
            await database.ScalarAsync<long>("SELECT count(*) FROM orleansquery"));
    }

    [Fact]
    public async Task Migrations_LockHeldByAnotherMigrator_WaitsThenApplies()
    {
        await using var database = await CreateDatabaseAsync();
        await using var holder = new NpgsqlConnection(database.AdminConnectionString);
        await holder.OpenAsync();
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({SchemaMigrator.MigrationLockKey})");
        var logger = new RecordingLogger();

        var migration = database.MigrateAsync(logger);
        await logger.WaitForAsync(
            entry => entry.EventId.Id == WaitingForLockEventId, TimeSpan.FromSeconds(30));
        var journalWhileWaiting = await database.ScalarAsync<string?>(
            $"SELECT to_regclass('{SchemaMigrator.JournalTable}')::text");
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({SchemaMigrator.MigrationLockKey})");
        var report = await migration;

        Assert.Null(journalWhileWaiting);
        Assert.Equal(AllScripts, report.AppliedScripts);
    }

    private static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        return await server.CreateDatabaseAsync("migrations");
    }

    private static Task<string[]> JournalAsync(TestDatabase database) =>
        database.ScalarAsync<string[]>(
            $"SELECT array_agg(scriptname ORDER BY scriptname) FROM {SchemaMigrator.JournalTable}");

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
