using Npgsql;

namespace ApprovalBot.Silo.Database;

/// <summary>
/// A session-level advisory lock that serializes migrators of one database: a second silo starting
/// at the same time waits here, then finds every script already applied.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    private MigrationLock(NpgsqlConnection connection)
    {
        Connection = connection;
    }

    /// <summary>The connection holding the lock; work on it is serialized with other migrators.</summary>
    public NpgsqlConnection Connection { get; }

    public static async Task<MigrationLock> AcquireAsync(
        MigrationTarget target, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = await MigrationConnections.OpenAsync(target, target.Database, cancellationToken);
        try
        {
            var acquired = await ExecuteAsync<bool>(
                connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken);
            if (!acquired)
            {
                MigrationLog.LogInformationWaitingForLock(logger, target.Database);
                await ExecuteAsync<object>(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
            }

            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the unpooled connection ends the session and so releases the lock even if the
        // explicit unlock fails; the unlock only makes the release immediate.
        try
        {
            await ExecuteAsync<bool>(Connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }

    private static async Task<T> ExecuteAsync<T>(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", SchemaMigrator.MigrationLockKey);
        // Waiting for another migrator may take as long as its scripts do.
        command.CommandTimeout = 0;
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
