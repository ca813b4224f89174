namespace ApprovalBot.Grains.Approval;

/// <summary>
/// The persisted life of one approval request. Every field carries an explicit serializer id so later releases read
/// what earlier ones wrote; new fields take new ids and must tolerate their default value.
/// </summary>
[GenerateSerializer]
[Alias("approvalbot.ApprovalState.v1")]
public sealed class ApprovalState
{
    [Id(0)] public ApprovalStatus Status { get; set; }

    [Id(1)] public string TeamId { get; set; } = "";

    [Id(2)] public string RequesterUserId { get; set; } = "";

    [Id(3)] public string RequesterName { get; set; } = "";

    [Id(4)] public string Email { get; set; } = "";

    [Id(5)] public string? Reason { get; set; }

    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    [Id(7)] public DateTimeOffset Deadline { get; set; }

    /// <summary>The secret on the buttons; never logged, never returned by a snapshot.</summary>
    [Id(8)] public string CallbackToken { get; set; } = "";

    [Id(9)] public List<ApprovalVote> Approvals { get; set; } = [];

    [Id(10)] public int RequiredApprovals { get; set; } = 1;

    [Id(11)] public string? DecidedBy { get; set; }

    [Id(12)] public DateTimeOffset? ClosedAt { get; set; }

    [Id(13)] public string? DecisionReason { get; set; }

    /// <summary>The approval channel the message was (or will be) posted in.</summary>
    [Id(14)] public string ChannelId { get; set; } = "";

    /// <summary>The approval message's <c>ts</c> once Slack confirmed the post.</summary>
    [Id(15)] public string? MessageTs { get; set; }

    [Id(16)] public string? ResponseUrl { get; set; }

    [Id(17)] public int ResponseUrlUses { get; set; }

    /// <summary>Slack calls decided on but not yet confirmed, oldest first.</summary>
    [Id(18)] public List<PendingSlackCall> Outbox { get; set; } = [];

    [Id(19)] public List<HistoryEntry> History { get; set; } = [];

    /// <summary>Bumped on every change the approval message shows; gives updated blocks fresh block ids.</summary>
    [Id(20)] public int Revision { get; set; }

    /// <summary>The revision the channel message last showed, so a superseded update is not sent.</summary>
    [Id(21)] public int PostedRevision { get; set; } = -1;

    [Id(22)] public string? EscalationChannelId { get; set; }

    [Id(23)] public string? EscalationMessageTs { get; set; }

    [Id(24)] public int RemindersSent { get; set; }

    [Id(25)] public long NextCallId { get; set; }

    public bool IsTerminal => Status is ApprovalStatus.Approved or ApprovalStatus.Denied
        or ApprovalStatus.Expired or ApprovalStatus.Cancelled;
}
