using Npgsql;

namespace ApprovalBot.Silo.Database;

/// <summary>
/// Creates the target database when it is missing, tolerating another silo creating it at the same time.
/// </summary>
internal static class DatabaseCreator
{
    private const string MaintenanceDatabase = "postgres";
    private const string DuplicateDatabase = "42P04";
    private const string UniqueViolation = "23505";

    /// <summary>Returns true when this call created the database.</summary>
    public static async Task<bool> EnsureExistsAsync(
        MigrationTarget target, bool createIfMissing, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe =
                await MigrationConnections.OpenAsync(target, target.Database, cancellationToken);
            return false;
        }
        catch (SchemaMigrationException e)
            when (createIfMissing && MigrationConnections.IsUnknownDatabase(e))
        {
            // Only a missing database falls through to creation; anything else is already described.
        }

        await using var connection =
            await MigrationConnections.OpenAsync(target, MaintenanceDatabase, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"CREATE DATABASE {SqlIdentifier.Quote(target.Database)}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is DuplicateDatabase or UniqueViolation)
        {
            // A concurrent creator won the race (the unique violation is how PostgreSQL reports a
            // race it notices only at commit); the database exists, which is all we need.
            return false;
        }

        MigrationLog.LogInformationDatabaseCreated(logger, target.Database, target.Endpoint);
        return true;
    }
}
