namespace ApprovalBot.Grains;

/// <summary>What the Api forwards from a <c>/approve</c> command.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.ApprovalSubmission")]
public sealed record ApprovalSubmission(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string RequesterUserId,
    [property: Id(2)] string RequesterName,
    [property: Id(3)] string Email,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string? ResponseUrl,
    [property: Id(6)] TimeSpan? Timeout = null);

/// <summary>How a submission ended.</summary>
[GenerateSerializer]
[Alias("approvalbot.SubmitOutcome")]
public enum SubmitOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Duplicate = 2,
    TooManyPending = 3,
    InvalidEmail = 4,
    InvalidTimeout = 5,
}

/// <summary>
/// The grain's answer to a submission. For <see cref="SubmitOutcome.Duplicate"/> the correlation id is the open
/// request the submission repeats.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] SubmitOutcome Outcome,
    [property: Id(1)] string CorrelationId,
    [property: Id(2)] string? ChannelId = null,
    [property: Id(3)] DateTimeOffset? Deadline = null,
    [property: Id(4)] string? Problem = null,
    [property: Id(5)] int Limit = 0);
