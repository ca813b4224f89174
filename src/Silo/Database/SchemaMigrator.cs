namespace ApprovalBot.Silo.Database;

/// <summary>
/// Brings a PostgreSQL database to the schema the Orleans ADO.NET providers (clustering, grain
/// storage, reminders) need, from the SQL scripts embedded in this assembly. Safe to run from every
/// silo at start, at the same time: migrators of one database take turns, and a script applied once
/// is never applied again.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The setting that holds the owner role's connection string.</summary>
    public const string AdminConnectionStringKey = "ConnectionStrings:ApprovalBotAdmin";

    /// <summary>The setting that holds the runtime role's connection string.</summary>
    public const string RuntimeConnectionStringKey = "ConnectionStrings:ApprovalBot";

    /// <summary>DbUp's journal of applied scripts, in schema public.</summary>
    public const string JournalTable = "approvalbot_schema_versions";

    /// <summary>
    /// The session advisory lock (<c>pg_advisory_lock</c>) a migrator holds on its database while it
    /// works. Advisory lock keys are scoped to a database, so migrators of other databases never wait.
    /// </summary>
    public const long MigrationLockKey = 0x4150_5052_4F56_414C;

    /// <summary>
    /// Applies every embedded script not yet applied, each in its own transaction, while holding an
    /// advisory lock on the database.
    /// </summary>
    /// <param name="adminConnectionString">The role that owns the schema and runs the scripts.</param>
    /// <param name="runtimeConnectionString">The silos' connection. When it logs in as another role, that
    /// role is created if missing (LOGIN, with this password) and granted exactly what the providers need.
    /// Null means the admin connection string is itself the runtime one (no admin setting was given),
    /// and errors then name <see cref="RuntimeConnectionStringKey"/>.</param>
    /// <param name="createDatabaseIfMissing">Create the database named by the admin connection string when
    /// it does not exist (connecting to the <c>postgres</c> database to do so).</param>
    /// <param name="logger">Receives progress; never connection strings or passwords.</param>
    /// <param name="cancellationToken">Stops waiting for the lock or a connection; a script already running
    /// finishes or rolls back on its own.</param>
    /// <exception cref="SchemaMigrationException">The database cannot be reached, refused the login, is
    /// missing, or a script failed. The message names host:port and the setting, never a password.
    /// </exception>
    public static async Task<MigrationReport> MigrateAsync(
        string adminConnectionString,
        string? runtimeConnectionString,
        bool createDatabaseIfMissing,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        var target = MigrationTarget.Resolve(adminConnectionString, runtimeConnectionString);
        var created = await DatabaseCreator.EnsureExistsAsync(
            target, createDatabaseIfMissing, logger, cancellationToken);

        await using var migrationLock = await MigrationLock.AcquireAsync(target, logger, cancellationToken);
        var applied = await ScriptRunner.ApplyAsync(target, logger, cancellationToken);
        var runtimeRole = await RuntimeRoleGrants.ApplyAsync(
            migrationLock.Connection, target, logger, cancellationToken);

        if (applied.Count == 0)
        {
            MigrationLog.LogInformationSchemaUpToDate(logger, target.Database, target.Endpoint);
        }
        else
        {
            var scripts = string.Join(", ", applied);
            MigrationLog.LogInformationScriptsApplied(
                logger, applied.Count, target.Database, target.Endpoint, scripts);
        }

        return new MigrationReport(applied, created, runtimeRole);
    }
}
