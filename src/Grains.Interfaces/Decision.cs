namespace ApprovalBot.Grains;

/// <summary>A click on Approve or Deny (or a Deny modal's submission), as the Api received it.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.DecisionRequest")]
public sealed record DecisionRequest(
    [property: Id(0)] string ClickerUserId,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] string CallbackToken,
    [property: Id(3)] DecisionKind Kind,
    [property: Id(4)] string? Reason = null);

/// <summary>How a decision request ended.</summary>
[GenerateSerializer]
[Alias("approvalbot.DecisionOutcome")]
public enum DecisionOutcome
{
    Accepted = 0,
    RecordedAwaitingMoreApprovals = 1,
    AlreadyCounted = 2,
    AlreadyDecided = 3,
    Expired = 4,
    Cancelled = 5,
    NotAnApprover = 6,
    OwnRequest = 7,
    BadToken = 8,
    WrongChannel = 9,
    NotFound = 10,
}

/// <summary>The grain's answer to a click, with what the clicker should be told.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.DecisionResult")]
public sealed record DecisionResult(
    [property: Id(0)] DecisionOutcome Outcome,
    [property: Id(1)] ApprovalStatus Status,
    [property: Id(2)] string? DecidedBy = null,
    [property: Id(3)] DateTimeOffset? ClosedAt = null,
    [property: Id(4)] int Approvals = 0,
    [property: Id(5)] int RequiredApprovals = 1);

/// <summary>A requester withdrawing their request.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.CancelRequest")]
public sealed record CancelRequest([property: Id(0)] string UserId);

/// <summary>How a cancellation ended.</summary>
[GenerateSerializer]
[Alias("approvalbot.CancelOutcome")]
public enum CancelOutcome
{
    Cancelled = 0,
    NotRequester = 1,
    AlreadyClosed = 2,
    NotFound = 3,
}

/// <summary>The grain's answer to a cancellation.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.CancelResult")]
public sealed record CancelResult(
    [property: Id(0)] CancelOutcome Outcome,
    [property: Id(1)] ApprovalStatus Status,
    [property: Id(2)] DateTimeOffset? ClosedAt = null);
