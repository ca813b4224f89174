using Npgsql;

namespace ApprovalBot.Bench.Database;

/// <summary>
/// PostgreSQL's counters at one moment: commits per database (the server is shared, so the others' are kept
/// to show how busy it was), the WAL position and <c>pg_stat_wal.wal_bytes</c> (both server-wide), and rows
/// written and index or sequential scans per table of the bench database.
/// </summary>
public sealed record DbSnapshot(
    long Commits,
    IReadOnlyDictionary<string, long> CommitsByDatabase,
    string WalLsn,
    long WalPosition,
    long WalBytes,
    IReadOnlyDictionary<string, (long Writes, long Scans)> Tables)
{
    /// <summary>
    /// Backends publish their counters at most once a second and when idle, so the snapshot is taken after
    /// the load has been quiet a little longer than that.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(1500);

    public static async Task<DbSnapshot> TakeAsync(string connectionString, CancellationToken token)
    {
        await Task.Delay(Settle, token);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        var commits = await PairsAsync(connection,
            "SELECT datname, xact_commit FROM pg_stat_database WHERE datname IS NOT NULL", token);
        await using var wal = new NpgsqlCommand(
            """
            SELECT current_database(), pg_current_wal_lsn()::text,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
                   (SELECT wal_bytes FROM pg_stat_wal)::bigint
            """, connection);
        await using var reader = await wal.ExecuteReaderAsync(token);
        await reader.ReadAsync(token);
        var (database, lsn, position, walBytes) =
            (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
        await reader.CloseAsync();

        var writes = await PairsAsync(connection,
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables", token);
        var scans = await PairsAsync(connection,
            "SELECT relname, coalesce(idx_scan, 0) + coalesce(seq_scan, 0) FROM pg_stat_user_tables", token);
        var tables = writes.ToDictionary(p => p.Key, p => (p.Value, scans.GetValueOrDefault(p.Key)));
        return new DbSnapshot(commits.GetValueOrDefault(database), commits, lsn, position, walBytes, tables);
    }

    public DbDelta Since(DbSnapshot before) => new(
        Commits - before.Commits,
        CommitsByDatabase.Where(p => before.CommitsByDatabase.ContainsKey(p.Key))
            .Sum(p => p.Value - before.CommitsByDatabase[p.Key]) - (Commits - before.Commits),
        WalPosition - before.WalPosition,
        WalBytes - before.WalBytes,
        Tables.ToDictionary(p => p.Key, p => p.Value.Writes - before.Tables.GetValueOrDefault(p.Key).Writes),
        Tables.ToDictionary(p => p.Key, p => p.Value.Scans - before.Tables.GetValueOrDefault(p.Key).Scans));

    private static async Task<Dictionary<string, long>> PairsAsync(
        NpgsqlConnection connection, string sql, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        var pairs = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(token))
        {
            pairs[reader.GetString(0)] = reader.GetInt64(1);
        }

        return pairs;
    }
}
