using System.Security.Cryptography;
using ApprovalBot.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ApprovalBot.TestSupport;

/// <summary>
/// A database of its own for one test (or one test class), with an admin connection (its owner) and a
/// runtime connection for a role of its own that the migrator creates and grants to.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    internal TestDatabase(PostgresServer server, string name, string runtimeRole)
    {
        _server = server;
        Name = name;
        RuntimeRole = runtimeRole;
        AdminConnectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Database = name,
        }.ConnectionString;
        RuntimeConnectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Database = name,
            Username = runtimeRole,
            Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The runtime role's name; it exists once <see cref="MigrateAsync(CancellationToken)"/> ran.</summary>
    public string RuntimeRole { get; }

    /// <summary>The admin role, connected to this database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The runtime role (what silos use), connected to this database.</summary>
    public string RuntimeConnectionString { get; }

    /// <summary>Runs the product's migrations here, creating and granting the runtime role.</summary>
    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(NullLogger.Instance, cancellationToken);

    public Task<MigrationReport> MigrateAsync(ILogger logger, CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(
            AdminConnectionString, RuntimeConnectionString, createDatabaseIfMissing: false, logger, cancellationToken);

    /// <summary>Runs <paramref name="sql"/> as the admin role and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default! : (T)value;
    }

    /// <summary>Runs <paramref name="sql"/> as the admin role; returns the rows affected.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops the database now, ending its sessions, e.g. to test what happens when it is missing.</summary>
    public async Task DropAsync(CancellationToken cancellationToken = default)
    {
        // Pooled connections to a dropped database would only fail later, in some other test.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(AdminConnectionString));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(RuntimeConnectionString));

        // FORCE ends other sessions, which a non-superuser may do only for roles it is a member of.
        await _server.ExecuteAsync(
            $"""
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{RuntimeRole}') THEN
                    GRANT "{RuntimeRole}" TO CURRENT_USER;
                END IF;
            END $$
            """,
            cancellationToken);
        await _server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        await _server.ExecuteAsync($"DROP ROLE IF EXISTS \"{RuntimeRole}\"");
    }
}
