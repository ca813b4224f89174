using System.Globalization;
using System.Security.Cryptography;
using ApprovalBot.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ApprovalBot.Bench.Database;

/// <summary>
/// A fresh database for one run, created through the admin role and migrated with the Silo's own migrations.
/// The admin role, which owns it, is also the runtime role here: the bench measures work, not privileges.
/// Databases an interrupted run left behind are dropped at the next run's start.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private const string Prefix = "approvalbot_bench_";
    private const string Marker = "approvalbot-bench-database";
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(3);

    private readonly string _adminConnectionString;

    private BenchDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }
            .ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// The database's oid, which names it in the WAL (<c>rel tablespace/database/relation</c>).
    /// </summary>
    public uint Oid { get; private set; }

    public static async Task<BenchDatabase> CreateAsync(string adminConnectionString, CancellationToken token)
    {
        await DropStaleAsync(adminConnectionString, token);
        var name = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE \"{name}\"", token);
        await ExecuteAsync(
            adminConnectionString, $"COMMENT ON DATABASE \"{name}\" IS '{Marker} {now}'", token);
        var database = new BenchDatabase(adminConnectionString, name);
        await SchemaMigrator.MigrateAsync(
            database.ConnectionString, null, createDatabaseIfMissing: false, NullLogger.Instance, token);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(token);
        await using var oid = new NpgsqlCommand(
            "SELECT oid FROM pg_database WHERE datname = current_database()", connection);
        database.Oid = (uint)(await oid.ExecuteScalarAsync(token))!;
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await DropAsync(_adminConnectionString, Name, CancellationToken.None);
    }

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(token);
    }

    private static Task DropAsync(string admin, string name, CancellationToken token) =>
        ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", token);

    private static async Task DropStaleAsync(string admin, CancellationToken token)
    {
        var stale = new List<string>();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(token);
            await using var command = new NpgsqlCommand(
                """
                SELECT d.datname FROM pg_database d
                JOIN pg_shdescription s ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass
                WHERE d.datname LIKE @prefix AND s.description LIKE @marker
                  AND split_part(s.description, ' ', 2)::bigint < extract(epoch FROM now()) - @age
                """, connection);
            command.Parameters.AddWithValue("prefix", Prefix + "%");
            command.Parameters.AddWithValue("marker", Marker + " %");
            command.Parameters.AddWithValue("age", StaleAfter.TotalSeconds);
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                stale.Add(reader.GetString(0));
            }
        }

        foreach (var name in stale)
        {
            await DropAsync(admin, name, token);
        }
    }
}
