using System.Security.Cryptography;
using ApprovalBot.Silo.Database;
using Microsoft.Extensions.Logging;
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

    internal TestDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
        RuntimeRole = RuntimeRoleOf(name);
        AdminConnectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Database = name,
        }.ConnectionString;
        RuntimeConnectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Database = name,
            Username = RuntimeRole,
            Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The runtime role; <see cref="MigrateAsync(CancellationToken)"/> creates it.</summary>
    public string RuntimeRole { get; }

    /// <summary>The admin role, connected to this database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The runtime role (what silos use), connected to this database.</summary>
    public string RuntimeConnectionString { get; }

    /// <summary>Runs the product's migrations here, creating and granting the runtime role.</summary>
    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(NullLogger.Instance, cancellationToken);

    public Task<MigrationReport> MigrateAsync(
        ILogger logger, CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(
            AdminConnectionString,
            RuntimeConnectionString,
            createDatabaseIfMissing: false,
            logger,
            cancellationToken);

    /// <summary>Runs <paramref name="sql"/> as the admin; returns the first row's first column.</summary>
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

    /// <summary>
    /// Drops the database and its runtime role now, ending their sessions (e.g. to test a missing
    /// database: migrating again with creation allowed brings both back). Disposing does the same.
    /// </summary>
    public Task DropAsync(CancellationToken cancellationToken = default)
    {
        // Pooled connections to a dropped database would only fail later, in some other test.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(AdminConnectionString));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(RuntimeConnectionString));
        return _server.DropDatabaseAsync(Name, RuntimeRole, cancellationToken);
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    /// <summary>Each test database's own runtime role, named after the database's random suffix.</summary>
    internal static string RuntimeRoleOf(string databaseName) =>
        $"approvalbot_rt_{databaseName[(databaseName.LastIndexOf('_') + 1)..]}";
}
