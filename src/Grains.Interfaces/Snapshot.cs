namespace ApprovalBot.Grains;

/// <summary>One event in a request's life: who did what, and when.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Event,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Detail = null);

/// <summary>An approval counted towards the required number.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.ApprovalVote")]
public sealed record ApprovalVote([property: Id(0)] string ApproverUserId, [property: Id(1)] DateTimeOffset At);

/// <summary>A read-only view of a stored request, without its callback token.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.ApprovalSnapshot")]
public sealed record ApprovalSnapshot(
    [property: Id(0)] string CorrelationId,
    [property: Id(1)] ApprovalStatus Status,
    [property: Id(2)] string TeamId,
    [property: Id(3)] string RequesterUserId,
    [property: Id(4)] string Email,
    [property: Id(5)] string? Reason,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset Deadline,
    [property: Id(8)] string? DecidedBy,
    [property: Id(9)] DateTimeOffset? ClosedAt,
    [property: Id(10)] string? DecisionReason,
    [property: Id(11)] IReadOnlyList<ApprovalVote> Approvals,
    [property: Id(12)] int RequiredApprovals,
    [property: Id(13)] string? MessageChannel,
    [property: Id(14)] string? MessageTs,
    [property: Id(15)] int PendingSlackCalls,
    [property: Id(16)] IReadOnlyList<HistoryEntry> History);
