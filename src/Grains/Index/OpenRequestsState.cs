namespace ApprovalBot.Grains.Index;

/// <summary>The persisted entries of one open-requests shard.</summary>
[GenerateSerializer]
[Alias("approvalbot.OpenRequestsState.v1")]
public sealed class OpenRequestsState
{
    [Id(0)] public Dictionary<string, OpenRequest> Open { get; set; } = [];
}
