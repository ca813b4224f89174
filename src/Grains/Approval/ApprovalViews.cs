using ApprovalBot.Slack.Messages;

namespace ApprovalBot.Grains.Approval;

/// <summary>
/// Read-only projections of <see cref="ApprovalState"/>: the snapshot callers see and the Slack card.
/// </summary>
internal static class ApprovalViews
{
    public static ApprovalSnapshot Snapshot(string correlationId, ApprovalState state) => new(
        correlationId, state.Status, state.TeamId, state.RequesterUserId, state.Email, state.Reason,
        state.CreatedAt, state.Deadline, state.DecidedBy, state.ClosedAt, state.DecisionReason,
        [.. state.Approvals], state.RequiredApprovals, state.ChannelId, state.MessageTs, state.Outbox.Count,
        [.. state.History]);

    public static ApprovalCard Card(string correlationId, ApprovalState state) => new(
        correlationId, state.RequesterUserId, state.Email, state.Reason, state.CreatedAt, state.Deadline,
        state.CallbackToken, CardStatus(state.Status),
        [.. state.Approvals.Select(a => new CardApproval(a.ApproverUserId, a.At))],
        state.RequiredApprovals, state.DecidedBy, state.ClosedAt, state.DecisionReason, state.Revision);

    private static ApprovalCardStatus CardStatus(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Approved => ApprovalCardStatus.Approved,
        ApprovalStatus.Denied => ApprovalCardStatus.Denied,
        ApprovalStatus.Expired => ApprovalCardStatus.Expired,
        ApprovalStatus.Cancelled => ApprovalCardStatus.Cancelled,
        _ => ApprovalCardStatus.Pending,
    };
}
