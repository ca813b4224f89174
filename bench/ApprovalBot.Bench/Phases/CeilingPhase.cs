using System.Diagnostics;
using System.Security.Cryptography;
using ApprovalBot.Bench.Database;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;
using Npgsql;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// Measurement 3: what the same PostgreSQL can commit, durably, in the same run: single-row upserts of a
/// payload the size of an approval's stored state, one per transaction, from as many connections as approvals
/// were in flight, each on rows of its own (as each approval grain writes its own row). It is the ceiling the
/// product's own writes share.
/// </summary>
public static class CeilingPhase
{
    private const int RowsPerConnection = 1_000;

    private const string Upsert = """
        INSERT INTO bench_ceiling (id, payload, version) VALUES (@id, @payload, 1)
        ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = bench_ceiling.version + 1,
                                       modified_on = now()
        """;

    public static async Task<CeilingResult> RunAsync(
        BenchContext context, int inFlight, TimeSpan duration, CancellationToken token)
    {
        var connectionString = context.DatabaseConnectionString;
        var payloadBytes = await StatePayloadBytesAsync(connectionString, token);
        await BenchDatabase.ExecuteAsync(connectionString,
            """
            CREATE TABLE IF NOT EXISTS bench_ceiling (id integer PRIMARY KEY, payload bytea NOT NULL,
                version integer NOT NULL, modified_on timestamptz NOT NULL DEFAULT now())
            """, token);
        var pooled = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = inFlight + 4 };
        await using var source = NpgsqlDataSource.Create(pooled.ConnectionString);

        var latency = new LatencyStats();
        var db = await DbWindow.OpenAsync(context, token);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, inFlight)
            .Select(w => UpsertLoopAsync(source, w, payloadBytes, duration, latency, token));
        var commits = (await Task.WhenAll(workers)).Sum();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var delta = await db.CloseAsync(token);
        var walBytes = delta.Wal?.Bytes ?? delta.WalPositionBytes;
        var rate = commits / elapsed.TotalSeconds;
        var result = new CeilingResult(inFlight, payloadBytes, commits, elapsed, rate, latency.Summary(),
            (double)walBytes / Math.Max(1, commits), delta.Wal?.WriteTransactions);
        Progress.Say(Format.Invariant(
            $"PostgreSQL ceiling: {Format.Rate(result.CommitsPerSecond)} single-row upsert commits ") +
            Format.Invariant($"at {inFlight} connections, {payloadBytes} B payload"));
        return result;
    }

    private static async Task<int> UpsertLoopAsync(
        NpgsqlDataSource source, int worker, int payloadBytes, TimeSpan duration, LatencyStats latency,
        CancellationToken token)
    {
        var payload = RandomNumberGenerator.GetBytes(payloadBytes);
        await using var connection = await source.OpenConnectionAsync(token);
        await using var command = new NpgsqlCommand(Upsert, connection);
        var id = new NpgsqlParameter<int>("id", 0);
        command.Parameters.Add(id);
        command.Parameters.Add(new NpgsqlParameter<byte[]>("payload", payload));
        await command.PrepareAsync(token);

        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var done = 0;
        while (Stopwatch.GetTimestamp() < stopAt && !token.IsCancellationRequested)
        {
            id.TypedValue = (worker * RowsPerConnection) + (done % RowsPerConnection);
            var started = Stopwatch.GetTimestamp();
            await command.ExecuteNonQueryAsync(token);
            latency.Record(Stopwatch.GetElapsedTime(started));
            done++;
        }

        return done;
    }

    // The size the product's grain state rows have in this run, so the ceiling writes rows of the same
    // weight.
    private static async Task<int> StatePayloadBytesAsync(string connectionString, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(avg(octet_length(payload_binary)), 1024)::int FROM orleans_storage", connection);
        return (int)(await command.ExecuteScalarAsync(token))!;
    }
}

/// <summary>The database's own commit rate at a concurrency.</summary>
public sealed record CeilingResult(
    int Connections,
    int PayloadBytes,
    long Commits,
    TimeSpan Duration,
    double CommitsPerSecond,
    LatencySummary CommitLatency,
    double WalBytesPerCommit,
    long? CommitsSeenInWal);
