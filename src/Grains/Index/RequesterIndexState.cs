namespace ApprovalBot.Grains.Index;

/// <summary>The persisted open requests of one requester.</summary>
[GenerateSerializer]
[Alias("approvalbot.RequesterIndexState.v1")]
public sealed class RequesterIndexState
{
    [Id(0)] public List<RequesterIndexEntry> Open { get; set; } = [];
}
