namespace ApprovalBot.Grains;

/// <summary>
/// One shard of the open requests of an approval channel, keyed <c>open:{channelId}:{shard}</c>: what
/// <c>/approve list</c> shows an approver. A read model kept in step by the approval grains; the approval grain
/// stays the authority on each request's status.
/// </summary>
[Alias("approvalbot.IOpenRequestsGrain")]
public interface IOpenRequestsGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(OpenRequest request);

    [Alias("Remove")]
    Task RemoveAsync(string correlationId);

    /// <summary>This shard's open requests, newest first.</summary>
    [Alias("List")]
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<OpenRequest>> ListAsync();
}

/// <summary>An open request as an approver's list shows it.</summary>
[GenerateSerializer, Immutable]
[Alias("approvalbot.OpenRequest")]
public sealed record OpenRequest(
    [property: Id(0)] string CorrelationId,
    [property: Id(1)] string RequesterUserId,
    [property: Id(2)] string Email,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset Deadline);

/// <summary>Where a request's entry in its channel's open-request index lives.</summary>
public static class OpenRequestsKey
{
    /// <summary>Shards spread the index's writes; a list reads them all.</summary>
    public const int Shards = 16;

    public static string For(string channelId, string correlationId) =>
        $"open:{channelId}:{ShardOf(correlationId)}";

    public static IEnumerable<string> All(string channelId) =>
        Enumerable.Range(0, Shards).Select(shard => $"open:{channelId}:{shard}");

    /// <summary>A stable hash (string.GetHashCode differs per process).</summary>
    private static int ShardOf(string correlationId)
    {
        var hash = 2166136261u;
        foreach (var c in correlationId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }
}
