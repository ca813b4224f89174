namespace ApprovalBot.Silo.Database;

/// <summary>The schema migrator's log messages: endpoints and names, never connection strings.</summary>
internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Created database {Database} on {Endpoint}")]
    public static partial void LogInformationDatabaseCreated(
        ILogger logger, string database, string endpoint);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Another migrator holds the lock on database {Database}; waiting for it")]
    public static partial void LogInformationWaitingForLock(ILogger logger, string database);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "Applied {Count} migration(s) to {Database} on {Endpoint}: {Scripts}")]
    public static partial void LogInformationScriptsApplied(
        ILogger logger, int count, string database, string endpoint, string scripts);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Schema of {Database} on {Endpoint} is up to date")]
    public static partial void LogInformationSchemaUpToDate(
        ILogger logger, string database, string endpoint);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Created runtime role {Role}")]
    public static partial void LogInformationRuntimeRoleCreated(ILogger logger, string role);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug,
        Message = "Applied the runtime grants of role {Role} on {Database}")]
    public static partial void LogDebugRuntimeGrantsApplied(ILogger logger, string role, string database);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Trace, Message = "DbUp: {DbUpMessage}")]
    public static partial void LogTraceDbUp(ILogger logger, string dbUpMessage);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug, Message = "DbUp: {DbUpMessage}")]
    public static partial void LogDebugDbUp(ILogger logger, string dbUpMessage);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "DbUp: {DbUpMessage}")]
    public static partial void LogWarningDbUp(ILogger logger, string dbUpMessage);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Error, Message = "DbUp: {DbUpMessage}")]
    public static partial void LogErrorDbUp(ILogger logger, Exception? exception, string dbUpMessage);
}
