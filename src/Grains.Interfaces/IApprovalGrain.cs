using Orleans.Concurrency;

namespace ApprovalBot.Grains;

/// <summary>
/// One approval request, keyed by its correlation id (<c>corr-…</c>), from submission to its one terminal outcome.
/// </summary>
[Alias("approvalbot.IApprovalGrain")]
public interface IApprovalGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores a new request as Pending and schedules its Slack message; idempotent for the same correlation id.
    /// Returns before any Slack call is made.
    /// </summary>
    [Alias("Submit")]
    Task<SubmitResult> SubmitAsync(ApprovalSubmission submission);

    /// <summary>Applies an approver's click (or modal submission) after checking token, channel and policy.</summary>
    [Alias("Decide")]
    Task<DecisionResult> DecideAsync(DecisionRequest request);

    /// <summary>
    /// What <see cref="DecideAsync"/> would answer, without recording anything: lets the Api refuse a Deny click
    /// before it opens the reason modal. <see cref="DecisionOutcome.Accepted"/> means the click would count.
    /// </summary>
    [Alias("CheckDecision")]
    Task<DecisionResult> CheckDecisionAsync(DecisionRequest request);

    /// <summary>
    /// The request as <paramref name="viewerUserId"/> may see it: only its requester and approvers may.
    /// </summary>
    [Alias("GetSnapshotFor")]
    Task<ApprovalSnapshot?> GetSnapshotForAsync(string viewerUserId);

    /// <summary>Withdraws a pending request; only its requester may.</summary>
    [Alias("Cancel")]
    Task<CancelResult> CancelAsync(CancelRequest request);

    /// <summary>The request as stored, or null when the key holds no request.</summary>
    [Alias("GetSnapshot")]
    [ReadOnly]
    [AlwaysInterleave]
    Task<ApprovalSnapshot?> GetSnapshotAsync();

    /// <summary>Operator action: attempt pending Slack calls now instead of at their scheduled time.</summary>
    [Alias("RetrySlackCalls")]
    Task<int> RetrySlackCallsAsync();

    /// <summary>Operator action: expire a pending request now, as if its deadline had passed.</summary>
    [Alias("ForceExpire")]
    Task<ApprovalStatus> ForceExpireAsync(string operatorName);
}
