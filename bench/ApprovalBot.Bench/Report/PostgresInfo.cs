using Npgsql;

namespace ApprovalBot.Bench.Report;

/// <summary>The PostgreSQL settings that decide what a durable commit costs.</summary>
public static class PostgresInfo
{
    private static readonly string[] Settings =
    [
        "server_version", "synchronous_commit", "fsync", "wal_sync_method", "full_page_writes",
        "shared_buffers", "max_connections", "commit_delay",
    ];

    public static async Task<IReadOnlyList<(string Key, string Value)>> ReadAsync(
        string connectionString, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        var values = new List<(string, string)>();
        foreach (var setting in Settings)
        {
            await using var command = new NpgsqlCommand("SELECT current_setting(@name)", connection);
            command.Parameters.AddWithValue("name", setting);
            values.Add((setting, (string)(await command.ExecuteScalarAsync(token))!));
        }

        return values;
    }
}
