using Npgsql;

namespace ApprovalBot.Silo.Database;

/// <summary>Opens migration connections; their failures become messages an operator can act on.</summary>
internal static class MigrationConnections
{
    private const string InvalidPassword = "28P01";
    private const string InvalidAuthorization = "28000";
    private const string UnknownDatabase = "3D000";

    public static async Task<NpgsqlConnection> OpenAsync(
        MigrationTarget target, string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(target.ConnectionStringFor(database));
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw Describe(target, database, e);
        }
    }

    public static bool IsUnknownDatabase(Exception exception) =>
        exception.InnerException is PostgresException { SqlState: UnknownDatabase };

    /// <summary>A failure named by endpoint and setting; Npgsql puts no password in its messages.</summary>
    public static SchemaMigrationException Describe(
        MigrationTarget target, string database, Exception exception)
    {
        var where = $"PostgreSQL at {target.Endpoint} ({target.SettingKey})";
        var message = exception switch
        {
            PostgresException { SqlState: InvalidPassword or InvalidAuthorization } =>
                $"{where} refused the login of role '{target.Admin.Username}': {exception.Message}",
            PostgresException { SqlState: UnknownDatabase } =>
                $"{where} has no database '{database}' and creating it was not allowed.",
            PostgresException => $"{where} failed: {exception.Message}",
            _ => $"Cannot reach {where}: {exception.Message}",
        };
        return new SchemaMigrationException(message, exception);
    }
}
