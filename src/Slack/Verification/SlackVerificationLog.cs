using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Log events of request verification; event ids 2000–2099. Never given secrets, headers or bodies.
/// </summary>
internal static partial class SlackVerificationLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Rejected a Slack request to {Path} with {StatusCode}: {Reason} " +
            "({SuppressedCount} similar rejections not logged since the last one)")]
    public static partial void LogWarningRequestRejected(
        this ILogger logger, PathString path, int statusCode, string reason, int suppressedCount);

    // Debug, not Information: ssl_check requests are unsigned, so anyone can send them in bulk.
    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug,
        Message = "Answered a Slack ssl_check request to {Path}")]
    public static partial void LogDebugSslCheck(this ILogger logger, PathString path);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug,
        Message = "Verified a Slack request to {Path} with the previous signing secret")]
    public static partial void LogDebugPreviousSecretUsed(this ILogger logger, PathString path);
}
