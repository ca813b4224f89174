namespace ApprovalBot.Silo.Database;

/// <summary>
/// Migrations could not run. The message names the PostgreSQL endpoint and the setting the connection
/// string came from, and never contains a password.
/// </summary>
public sealed class SchemaMigrationException : InvalidOperationException
{
    public SchemaMigrationException()
    {
    }

    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
