namespace ApprovalBot.Grains;

/// <summary>An open request as the requester index remembers it: enough to spot a repeated command.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.RequesterIndexEntry")]
public sealed record RequesterIndexEntry(
    [property: Id(0)] string CorrelationId,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset Deadline = default);

/// <summary>How a reservation ended.</summary>
[GenerateSerializer]
[Alias("approvalbot.ReserveOutcome")]
public enum ReserveOutcome
{
    Reserved = 0,
    Duplicate = 1,
    TooManyPending = 2,
}

/// <summary>The index's answer; <see cref="ExistingCorrelationId"/> is set for a duplicate.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.ReserveResult")]
public sealed record ReserveResult(
    [property: Id(0)] ReserveOutcome Outcome,
    [property: Id(1)] string? ExistingCorrelationId = null,
    [property: Id(2)] int OpenCount = 0);
