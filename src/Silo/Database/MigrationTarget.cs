using Npgsql;

namespace ApprovalBot.Silo.Database;

/// <summary>The database a migration run works on, the role it works as, and where both came from.</summary>
internal sealed class MigrationTarget
{
    private MigrationTarget(
        NpgsqlConnectionStringBuilder admin, string settingKey, NpgsqlConnectionStringBuilder? runtime)
    {
        // Migrations run once at start: pooled connections would only linger, and a pooled session
        // would keep its advisory lock until the pool reset it.
        admin.Pooling = false;
        Admin = admin;
        SettingKey = settingKey;
        Endpoint = NpgsqlConnectionStrings.Endpoint(admin);
        Database = admin.Database
            ?? throw new SchemaMigrationException($"{settingKey} names no Database for {Endpoint}.");
        RuntimeUser = runtime?.Username;
        RuntimePassword = runtime?.Password;
    }

    public NpgsqlConnectionStringBuilder Admin { get; }

    /// <summary>The configuration key the migrating connection string came from.</summary>
    public string SettingKey { get; }

    public string Endpoint { get; }

    public string Database { get; }

    public string? RuntimeUser { get; }

    public string? RuntimePassword { get; }

    /// <summary>True when the runtime connection logs in as a role of its own that needs grants.</summary>
    public bool HasSeparateRuntimeRole =>
        RuntimeUser is not null && !string.Equals(RuntimeUser, Admin.Username, StringComparison.Ordinal);

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Admin.ConnectionString) { Database = database }.ConnectionString;

    /// <summary>
    /// Without a runtime connection string the migrating one is the runtime one (the operating
    /// contract: an empty admin setting means migrations use the runtime connection).
    /// </summary>
    public static MigrationTarget Resolve(string adminConnectionString, string? runtimeConnectionString)
    {
        var settingKey = runtimeConnectionString is null
            ? SchemaMigrator.RuntimeConnectionStringKey
            : SchemaMigrator.AdminConnectionStringKey;
        var admin = Parse(adminConnectionString, settingKey);
        var runtime = runtimeConnectionString is null
            ? null
            : Parse(runtimeConnectionString, SchemaMigrator.RuntimeConnectionStringKey);
        return new MigrationTarget(admin, settingKey, runtime);
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString, string settingKey)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new SchemaMigrationException($"{settingKey} is empty.");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the offending part, which can be the password: keep it out.
            throw new SchemaMigrationException($"{settingKey} is not a valid PostgreSQL connection string.");
        }
    }
}
