namespace ApprovalBot.Grains;

/// <summary>
/// Where an approval request stands. <see cref="None"/> means no request was ever stored under the key.
/// </summary>
[GenerateSerializer]
[Alias("approvalbot.ApprovalStatus")]
public enum ApprovalStatus
{
    None = 0,
    Pending = 1,
    Approved = 2,
    Denied = 3,
    Expired = 4,
    Cancelled = 5,
}

/// <summary>Which way an approver decided.</summary>
[GenerateSerializer]
[Alias("approvalbot.DecisionKind")]
public enum DecisionKind
{
    Approve = 0,
    Deny = 1,
}
