using ApprovalBot.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>A migrated database on a <see cref="PrivatePostgres"/>, with a runtime role of its own.</summary>
public sealed record PrivateDatabase(string AdminConnectionString, string RuntimeConnectionString)
{
    /// <summary>
    /// Creates <paramref name="name"/> and runs the product's migrations on it, over the given TLS mode.
    /// </summary>
    public static async Task<PrivateDatabase> CreateAsync(
        PrivatePostgres server, string name, SslMode sslMode = SslMode.Disable)
    {
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres", sslMode)))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var admin = server.ConnectionString(name, sslMode);
        var runtime = new NpgsqlConnectionStringBuilder(admin)
        {
            Username = "approvalbot_rt_" + name,
            Password = Guid.NewGuid().ToString("N"),
        }.ConnectionString;
        await SchemaMigrator.MigrateAsync(
            admin, runtime, createDatabaseIfMissing: false, NullLogger.Instance);
        return new PrivateDatabase(admin, runtime);
    }
}
