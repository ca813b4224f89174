namespace ApprovalBot.Grains;

/// <summary>The <c>Approval</c> configuration section: who may decide, how long they have, what is kept.</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approval";

    /// <summary>Default time approvers have.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Default longest per-request timeout.</summary>
    public static readonly TimeSpan DefaultMaxTimeout = TimeSpan.FromDays(7);

    /// <summary>Default lifetime of a cached approver-group membership.</summary>
    public static readonly TimeSpan DefaultApproverGroupCacheTtl = TimeSpan.FromMinutes(5);

    /// <summary>Default time a closed request's state is kept before it is erased.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(90);

    /// <summary>
    /// Default period of a request's reminder. It bounds how late a timeout fires after an outage and how often
    /// stuck Slack calls are retried once the grain was deactivated. Orleans refuses periods under its minimum.
    /// </summary>
    public static readonly TimeSpan DefaultWatchdogPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Time approvers have (<c>Approval:Timeout</c>).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Longest timeout a request may ask for (<c>Approval:MaxTimeout</c>).</summary>
    public TimeSpan MaxTimeout { get; set; } = DefaultMaxTimeout;

    /// <summary>Slack user ids who may decide.</summary>
    public IList<string> Approvers { get; set; } = [];

    /// <summary>A Slack user group whose members may decide; empty when not used.</summary>
    public string ApproverGroupId { get; set; } = "";

    /// <summary>How long the approver group's membership is cached.</summary>
    public TimeSpan ApproverGroupCacheTtl { get; set; } = DefaultApproverGroupCacheTtl;

    /// <summary>Explicit opt-in: anyone in the approval channel may decide when no approvers are configured.</summary>
    public bool AnyChannelMemberMayApprove { get; set; }

    /// <summary>May requesters decide their own request.</summary>
    public bool AllowSelfApproval { get; set; }

    /// <summary>Distinct approvals needed before a request is approved.</summary>
    public int RequiredApprovals { get; set; } = 1;

    /// <summary>Open requests one requester may have at once.</summary>
    public int MaxPendingPerRequester { get; set; } = 10;

    /// <summary>How long a closed request's state is kept.</summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;

    /// <summary>Delays after creation at which approvers are nudged in the approval message's thread.</summary>
    public IList<TimeSpan> RemindAfter { get; set; } = [];

    /// <summary>
    /// Delay after creation at which a pending request is posted again, with working buttons, in
    /// <c>Slack:EscalationChannelId</c>; null (the default) never escalates.
    /// </summary>
    public TimeSpan? EscalateAfter { get; set; }

    /// <summary>Period of each request's reminder (see <see cref="DefaultWatchdogPeriod"/>).</summary>
    public TimeSpan WatchdogPeriod { get; set; } = DefaultWatchdogPeriod;

    /// <summary>True when some rule names who may decide.</summary>
    public bool HasApproverRule =>
        Approvers.Count > 0 || !string.IsNullOrWhiteSpace(ApproverGroupId) || AnyChannelMemberMayApprove;
}
