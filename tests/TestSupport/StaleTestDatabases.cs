using Npgsql;

namespace ApprovalBot.TestSupport;

/// <summary>
/// Marks the databases tests create and drops those a crashed or killed test run left behind, so a
/// long-lived development server does not fill up. Only databases this admin role owns, marked as
/// test databases and older than any test run, are touched; other runs' current databases are not.
/// </summary>
internal static class StaleTestDatabases
{
    private const string Marker = "approvalbot-test-database";
    private const int MaxAgeHours = 6;

    /// <summary>Comments the database with the marker and its creation time (the server's clock).</summary>
    public static Task MarkAsync(PostgresServer server, string name, CancellationToken cancellationToken) =>
        server.ExecuteAsync(
            $"""
            DO $$ BEGIN
                EXECUTE format('COMMENT ON DATABASE %I IS %L', '{name}',
                               '{Marker} ' || extract(epoch FROM now())::bigint);
            END $$
            """,
            cancellationToken);

    public static async Task DropAsync(PostgresServer server)
    {
        var stale = new List<string>();
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"""
                SELECT d.datname
                FROM pg_database d
                JOIN pg_shdescription s ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass
                WHERE d.datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND s.description LIKE '{Marker} %'
                  AND split_part(s.description, ' ', 2)::bigint
                      < extract(epoch FROM now()) - {MaxAgeHours} * 3600
                """,
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stale.Add(reader.GetString(0));
            }
        }

        foreach (var name in stale)
        {
            await server.DropDatabaseAsync(name, TestDatabase.RuntimeRoleOf(name), CancellationToken.None);
        }
    }
}
