namespace ApprovalBot.Grains.Policy;

/// <summary>Decides whether a Slack user may approve or deny requests.</summary>
public interface IApproverPolicy
{
    Task<bool> MayDecideAsync(string userId, CancellationToken cancellationToken = default);
}
