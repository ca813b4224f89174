namespace ApprovalBot.Grains;

/// <summary>Answers "may this user decide requests?" where the approver rules live: in the silos.</summary>
[Alias("approvalbot.IApproverDirectoryGrain")]
public interface IApproverDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("IsApprover")]
    Task<bool> IsApproverAsync(string userId);
}
