using Orleans.Concurrency;

namespace ApprovalBot.Grains.Policy;

/// <summary>
/// A stateless front for <see cref="IApproverPolicy"/>, so the Api can ask without knowing the rules.
/// </summary>
[StatelessWorker]
public sealed class ApproverDirectoryGrain(IApproverPolicy policy) : Grain, IApproverDirectoryGrain
{
    public Task<bool> IsApproverAsync(string userId) => policy.MayDecideAsync(userId);
}
