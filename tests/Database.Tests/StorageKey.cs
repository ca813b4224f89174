namespace ApprovalBot.Database.Tests;

/// <summary>The key columns the storage provider sends, with fixed hashes to stage collisions.</summary>
internal sealed record StorageKey(long N0, long N1, string? Extension, string StateName)
{
    private const int GrainIdHash = 12345;
    private const int StateNameHash = 678;
    private const string ServiceId = "storage-query-tests";

    public static StorageKey NewStringKey() => new(0, 0, $"corr-{Guid.NewGuid()}", "approval");

    public static StorageKey NewIntegerKey(string? extension) =>
        new(0, Random.Shared.NextInt64(1, long.MaxValue), extension, "approval");

    public IEnumerable<(string Name, object? Value)> Parameters() =>
    [
        ("GrainIdHash", GrainIdHash),
        ("GrainIdN0", N0),
        ("GrainIdN1", N1),
        ("GrainTypeHash", StateNameHash),
        ("GrainTypeString", StateName),
        ("GrainIdExtensionString", Extension ?? ProviderQuery.NoString),
        ("ServiceId", ServiceId),
    ];
}
