using Microsoft.Extensions.Logging;

namespace ApprovalBot.Grains.Approval;

/// <summary>The approval grain's log events. No secret or user-written text is ever a parameter here.</summary>
public sealed partial class ApprovalGrain
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Approval request {CorrelationId} created by {SlackUserId}, due {Deadline:o}")]
    private static partial void LogInformationRequestCreated(
        ILogger logger, string correlationId, string slackUserId, DateTimeOffset deadline);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Approval request {CorrelationId} closed as {Outcome} by {Actor}")]
    private static partial void LogInformationRequestClosed(
        ILogger logger, string correlationId, ApprovalStatus outcome, string actor);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "Click on approval request {CorrelationId} by {SlackUserId} refused: {Outcome}")]
    private static partial void LogInformationClickRefused(
        ILogger logger, string correlationId, string slackUserId, DecisionOutcome outcome);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information,
        Message = "Approval request {CorrelationId} erased after its retention period")]
    private static partial void LogInformationRequestForgotten(ILogger logger, string correlationId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Slack call {SlackCall} for approval request {CorrelationId} failed ({SlackError}); " +
            "retrying at {RetryAt:o}")]
    private static partial void LogWarningSlackCallRetrying(
        ILogger logger, string correlationId, SlackCallKind slackCall, string slackError, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error,
        Message = "Slack refused {SlackCall} for approval request {CorrelationId} for good ({SlackError}); " +
            "the outcome is stored but Slack does not show it")]
    private static partial void LogErrorSlackCallAbandoned(
        ILogger logger, string correlationId, SlackCallKind slackCall, string slackError);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "An index could not be updated for approval request {CorrelationId} ({Failure}); it is mended later")]
    private static partial void LogWarningIndexUpdateFailed(ILogger logger, string correlationId, string failure);
}
