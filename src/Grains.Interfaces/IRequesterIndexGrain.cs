using Orleans.Concurrency;

namespace ApprovalBot.Grains;

/// <summary>
/// The open approval requests of one requester, keyed <c>{teamId}:{userId}</c>. It is the serialisation point that
/// makes "same request twice" and "too many open requests" hold across Api instances and restarts.
/// </summary>
[Alias("approvalbot.IRequesterIndexGrain")]
public interface IRequesterIndexGrain : IGrainWithStringKey
{
    /// <summary>Reserves a slot for a new request, or names the open request it duplicates.</summary>
    [Alias("Reserve")]
    Task<ReserveResult> ReserveAsync(RequesterIndexEntry entry, int maxPending);

    /// <summary>Forgets a request once it is closed (or was never stored).</summary>
    [Alias("Remove")]
    Task RemoveAsync(string correlationId);

    /// <summary>The open requests, newest first.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<RequesterIndexEntry>> ListAsync();
}
