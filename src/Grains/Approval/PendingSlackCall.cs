namespace ApprovalBot.Grains.Approval;

/// <summary>What a pending Slack call does. Its content is rendered from the state when it is sent.</summary>
[GenerateSerializer]
[Alias("approvalbot.SlackCallKind")]
public enum SlackCallKind
{
    PostApprovalMessage = 0,
    UpdateApprovalMessage = 1,
    NotifyRequester = 2,
    PostReminder = 3,
    PostEscalation = 4,
    UpdateEscalationMessage = 5,
}

/// <summary>
/// A Slack call the grain owes. It is written to state in the same write as the change that caused it, so a crash
/// between the write and the call loses nothing: the next activation or reminder tick sends it.
/// </summary>
[GenerateSerializer]
[Alias("approvalbot.PendingSlackCall")]
public sealed class PendingSlackCall
{
    [Id(0)] public long Id { get; set; }

    [Id(1)] public SlackCallKind Kind { get; set; }

    [Id(2)] public int Attempts { get; set; }

    /// <summary>Earliest time of the next attempt (Slack's Retry-After, or our backoff).</summary>
    [Id(3)] public DateTimeOffset NotBefore { get; set; }

    [Id(4)] public string? LastError { get; set; }
}
