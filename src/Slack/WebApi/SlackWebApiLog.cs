using Microsoft.Extensions.Logging;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Log events of the Web API client; event ids 2100–2199. Tokens and response URLs never appear.
/// </summary>
internal static partial class SlackWebApiLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug,
        Message = "Slack {Method} failed: {FailureKind} {SlackError}; " +
            "retry after {RetryAfterSeconds} s; {Details}")]
    public static partial void LogDebugCallFailed(
        this ILogger logger, string method, SlackFailureKind failureKind, string slackError,
        double? retryAfterSeconds, string details);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning,
        Message = "Refused to post to a response_url on host {Host}: {Reason}")]
    public static partial void LogWarningResponseUrlRefused(this ILogger logger, string host, string reason);
}
