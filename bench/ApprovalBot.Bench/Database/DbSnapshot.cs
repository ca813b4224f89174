using Npgsql;

namespace ApprovalBot.Bench.Database;

/// <summary>
/// PostgreSQL's counters at one moment: commits in the bench database and in all others (the server is shared),
/// the WAL position and <c>pg_stat_wal.wal_bytes</c> (both server-wide), and rows written per table.
/// </summary>
public sealed record DbSnapshot(
    long Commits,
    long OtherDatabaseCommits,
    long WalPosition,
    long WalBytes,
    IReadOnlyDictionary<string, long> RowWrites)
{
    /// <summary>
    /// Backends publish their counters at most once a second and when idle, so the snapshot is taken after the
    /// load has been quiet a little longer than that.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(1500);

    public static async Task<DbSnapshot> TakeAsync(string connectionString, CancellationToken token)
    {
        await Task.Delay(Settle, token);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var totals = new NpgsqlCommand(
            """
            SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                   (SELECT coalesce(sum(xact_commit), 0)::bigint FROM pg_stat_database
                    WHERE datname IS NOT NULL AND datname <> current_database()),
                   pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
                   (SELECT wal_bytes FROM pg_stat_wal)::bigint
            """, connection);
        long commits, others, position, walBytes;
        await using (var reader = await totals.ExecuteReaderAsync(token))
        {
            await reader.ReadAsync(token);
            (commits, others, position, walBytes) =
                (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return new DbSnapshot(commits, others, position, walBytes, await RowWritesAsync(connection, token));
    }

    public DbDelta Since(DbSnapshot before) => new(
        Commits - before.Commits,
        OtherDatabaseCommits - before.OtherDatabaseCommits,
        WalPosition - before.WalPosition,
        WalBytes - before.WalBytes,
        RowWrites.ToDictionary(p => p.Key, p => p.Value - before.RowWrites.GetValueOrDefault(p.Key)));

    private static async Task<Dictionary<string, long>> RowWritesAsync(NpgsqlConnection connection, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables", connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(token))
        {
            rows[reader.GetString(0)] = reader.GetInt64(1);
        }

        return rows;
    }
}
