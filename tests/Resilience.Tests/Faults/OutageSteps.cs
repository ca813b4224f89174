namespace ApprovalBot.Resilience.Tests.Faults;

/// <summary>What one step of the stream got back.</summary>
public enum StepResult
{
    Created,
    NotConfirmed,
    Accepted,
    Refused,
    Failed,

    /// <summary>No answer in time: the call may still have been applied.</summary>
    Unknown,
}

/// <summary>
/// One command or decision of the stream, with when it started and ended on the stream's clock.
/// </summary>
public sealed record StreamStep(
    bool IsDecision, string? CorrelationId, TimeSpan Start, TimeSpan End, StepResult Result);
