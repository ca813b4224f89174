using ApprovalBot.TestSupport;
using Npgsql;

namespace ApprovalBot.Database.Tests;

public sealed class RuntimeRoleTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private const string InsufficientPrivilege = "42501";

    [Theory]
    [InlineData("CREATE TABLE intruder (id int)")]
    [InlineData("CREATE TEMP TABLE intruder (id int)")]
    [InlineData("CREATE SCHEMA intruder")]
    [InlineData("ALTER TABLE orleans_storage ADD COLUMN intruder int")]
    [InlineData("DROP TABLE orleans_reminders")]
    [InlineData("TRUNCATE orleans_membership")]
    [InlineData("UPDATE orleansquery SET querytext = 'SELECT 1'")]
    [InlineData("SELECT count(*) FROM approvalbot_schema_versions")]
    public async Task RuntimeRole_CannotCreateAlterOrDrop(string statement)
    {
        var database = fixture.Database;

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => RunAsRuntimeAsync(database, statement));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task RuntimeRole_OrleansTables_CanBeReadAndWritten()
    {
        var database = fixture.Database;

        var queries = await RunAsRuntimeAsync(database, "SELECT count(*) FROM orleansquery");
        var inserted = await RunAsRuntimeAsync(database, """
            INSERT INTO orleans_reminders
                (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
            VALUES ('runtime-role-test', 'g/1', 'r', now(), 60000, 1, 0)
            """);
        var updated = await RunAsRuntimeAsync(
            database, "UPDATE orleans_reminders SET version = 1 WHERE service_id = 'runtime-role-test'");
        var deleted = await RunAsRuntimeAsync(
            database, "DELETE FROM orleans_reminders WHERE service_id = 'runtime-role-test'");

        Assert.True((long)queries! > 0);
        Assert.Equal(1, inserted);
        Assert.Equal(1, updated);
        Assert.Equal(1, deleted);
    }

    [Fact]
    public async Task RuntimeRole_GrantsChangedByHand_RestoredByNextMigration()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("grants");
        await database.MigrateAsync();
        await database.ExecuteAsync($"REVOKE SELECT ON orleans_storage FROM {database.RuntimeRole}");
        await database.ExecuteAsync($"GRANT TRUNCATE ON orleans_membership TO {database.RuntimeRole}");

        await database.MigrateAsync();

        await RunAsRuntimeAsync(database, "SELECT count(*) FROM orleans_storage");
        var truncate = await Assert.ThrowsAsync<PostgresException>(
            () => RunAsRuntimeAsync(database, "TRUNCATE orleans_membership"));
        Assert.Equal(InsufficientPrivilege, truncate.SqlState);
    }

    private static async Task<object?> RunAsRuntimeAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.RuntimeConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.StartsWith("SELECT", StringComparison.Ordinal))
        {
            return await command.ExecuteScalarAsync();
        }

        return await command.ExecuteNonQueryAsync();
    }
}
