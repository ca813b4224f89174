using System.Globalization;
using DbUp.Engine.Output;

namespace ApprovalBot.Silo.Database;

/// <summary>Forwards DbUp's progress lines to our logger at Debug: they are detail.</summary>
internal sealed class DbUpLog(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            var message = Format(format, args);
            MigrationLog.LogTraceDbUp(logger, message);
        }
    }

    public void LogDebug(string format, params object[] args) => LogInformation(format, args);

    public void LogInformation(string format, params object[] args)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var message = Format(format, args);
            MigrationLog.LogDebugDbUp(logger, message);
        }
    }

    public void LogWarning(string format, params object[] args)
    {
        var message = Format(format, args);
        MigrationLog.LogWarningDbUp(logger, message);
    }

    public void LogError(string format, params object[] args)
    {
        var message = Format(format, args);
        MigrationLog.LogErrorDbUp(logger, null, message);
    }

    public void LogError(Exception ex, string format, params object[] args)
    {
        var message = Format(format, args);
        MigrationLog.LogErrorDbUp(logger, ex, message);
    }

    private static string Format(string format, object[] args) =>
        args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
}
