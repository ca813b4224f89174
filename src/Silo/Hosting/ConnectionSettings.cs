using System.Data.Common;
using Npgsql;

namespace ApprovalBot.Silo.Hosting;

/// <summary>Reads and checks the PostgreSQL connection strings of the operating contract.</summary>
public static class ConnectionSettings
{
    public const string RuntimeKey = "ApprovalBot";
    public const string AdminKey = "ApprovalBotAdmin";

    /// <summary>The runtime connection string; a missing one stops the host naming the setting.</summary>
    public static string Runtime(IConfiguration configuration) =>
        configuration.GetConnectionString(RuntimeKey) is { Length: > 0 } value
            ? value
            : throw new StartupException(
                $"ConnectionStrings:{RuntimeKey} is not set: give the PostgreSQL connection string " +
                "(environment variable ConnectionStrings__ApprovalBot).");

    /// <summary>
    /// The runtime data source Orleans' providers use. Their queries leave no session state behind (no SET, no
    /// temporary tables, no LISTEN), so a pooled connection is not reset when it goes back to the pool: the reset is
    /// one more statement, and one more transaction, per provider query. "No Reset On Close" in the setting wins.
    /// </summary>
    public static NpgsqlDataSource RuntimeDataSource(IConfiguration configuration)
    {
        var value = Runtime(configuration);
        var settings = new NpgsqlConnectionStringBuilder(value);
        var given = new DbConnectionStringBuilder { ConnectionString = value };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return NpgsqlDataSource.Create(settings);
    }

    /// <summary>The owner connection string for migrations, or null to migrate with the runtime one.</summary>
    public static string? Admin(IConfiguration configuration) =>
        configuration.GetConnectionString(AdminKey) is { Length: > 0 } value ? value : null;

    /// <summary>Opens one connection so an unreachable database stops the host with one clear line.</summary>
    public static async Task EnsureReachableAsync(
        NpgsqlDataSource dataSource, string settingKey, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new StartupException(
                $"PostgreSQL at {Describe(dataSource.ConnectionString)} (ConnectionStrings:{settingKey}) " +
                $"cannot be reached: {e.Message}", e);
        }
    }

    /// <summary>host:port/database of a connection string, never its password.</summary>
    public static string Describe(string connectionString)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{parsed.Host}:{parsed.Port}/{parsed.Database}";
    }
}
