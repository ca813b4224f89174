using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;

namespace ApprovalBot.TestSupport;

/// <summary>
/// The PostgreSQL server tests run against: the one whose admin connection string is in
/// <c>APPROVALBOT_PG_ADMIN</c>, or else the checkout's own server, started through
/// <c>scripts/pg.sh start</c>. Every test gets a fresh database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresServer
{
    /// <summary>Holds the admin connection string (see <c>scripts/pg.sh env</c>).</summary>
    public const string AdminVariable = "APPROVALBOT_PG_ADMIN";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString)
    {
        AdminConnectionString = adminConnectionString;
        var parsed = new NpgsqlConnectionStringBuilder(adminConnectionString);
        Host = parsed.Host ?? "127.0.0.1";
        Port = parsed.Port;
        AdminUser = parsed.Username
            ?? throw new InvalidOperationException($"{AdminVariable} names no Username.");
    }

    /// <summary>The admin role's (CREATEDB, CREATEROLE) connection to the default database.</summary>
    public string AdminConnectionString { get; }

    public string Host { get; }

    public int Port { get; }

    public string AdminUser { get; }

    /// <summary>The server, started once per test process.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>
    /// Creates an empty database named <c>{prefix}_{random}</c>, owned by the admin role. Disposing the
    /// result drops it and its runtime role.
    /// </summary>
    public async Task<TestDatabase> CreateDatabaseAsync(
        string prefix, CancellationToken cancellationToken = default)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var name = $"{Sanitize(prefix)}_{suffix}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        await StaleTestDatabases.MarkAsync(this, name, cancellationToken);
        return new TestDatabase(this, name);
    }

    /// <summary>Drops a test database, ending its sessions, then its runtime role.</summary>
    internal async Task DropDatabaseAsync(
        string name, string runtimeRole, CancellationToken cancellationToken)
    {
        // FORCE ends other sessions, which a non-superuser may do only for roles it is a member of.
        await ExecuteAsync(
            $"""
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{runtimeRole}') THEN
                    GRANT "{runtimeRole}" TO CURRENT_USER;
                END IF;
            END $$
            """,
            cancellationToken);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
        await ExecuteAsync($"DROP ROLE IF EXISTS \"{runtimeRole}\"", cancellationToken);
    }

    internal async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable(AdminVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            await PgScript.RunCheckedAsync("start");
            admin = ParseAdmin(await PgScript.RunCheckedAsync("env"));
        }

        var server = new PostgresServer(admin);
        await StaleTestDatabases.DropAsync(server);
        return server;
    }

    private static string ParseAdmin(string envOutput)
    {
        var match = AdminExport().Match(envOutput);
        return match.Success
            ? match.Groups["value"].Value
            : throw new InvalidOperationException(
                $"scripts/pg.sh env printed no {AdminVariable}: {envOutput}");
    }

    private static string Sanitize(string prefix)
    {
        var cleaned = NotIdentifier().Replace(prefix.ToLowerInvariant(), "_");
        return cleaned.Length > 40 ? cleaned[..40] : cleaned;
    }

    [GeneratedRegex("^export APPROVALBOT_PG_ADMIN=\"(?<value>[^\"]*)\"$", RegexOptions.Multiline)]
    private static partial Regex AdminExport();

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifier();
}
