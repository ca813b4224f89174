namespace ApprovalBot.Slack.Messages;

/// <summary>Where an approval request stands, as the approval message shows it.</summary>
public enum ApprovalCardStatus
{
    Pending,
    Approved,
    Denied,
    Expired,
    Cancelled,
}

/// <summary>One approval counted towards a quorum.</summary>
public sealed record CardApproval(string ApproverUserId, DateTimeOffset At);

/// <summary>
/// Everything the approval message and the requester's notice show about one approval request.
/// User-supplied texts (<see cref="Email"/>, <see cref="Reason"/>, <see cref="DecisionReason"/>) arrive raw;
/// the renderers escape and trim them.
/// </summary>
public sealed record ApprovalCard(
    string CorrelationId,
    string RequesterUserId,
    string Email,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    string CallbackToken,
    ApprovalCardStatus Status,
    IReadOnlyList<CardApproval> Approvals,
    int RequiredApprovals,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    int Revision);
