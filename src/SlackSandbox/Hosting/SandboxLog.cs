using ApprovalBot.SlackSandbox.Faults;

namespace ApprovalBot.SlackSandbox.Hosting;

/// <summary>The sandbox's log events. Bodies are never logged: they carry callback tokens.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(
        1,
        LogLevel.Information,
        "Slack sandbox listening on {BaseUrl}; it sends Slack's requests to {AppBaseUrl}")]
    public static partial void LogInformationListening(this ILogger logger, Uri baseUrl, string appBaseUrl);

    [LoggerMessage(2, LogLevel.Information, "Fault switch hit a {Method} call: {Kind}")]
    public static partial void LogInformationFaultApplied(
        this ILogger logger, string method, SandboxFaultKind kind);

    [LoggerMessage(3, LogLevel.Warning, "The Api did not accept a {Kind}: HTTP {StatusCode} {Error}")]
    public static partial void LogWarningDeliveryFailed(
        this ILogger logger, string kind, int statusCode, string error);
}
