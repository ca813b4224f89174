namespace ApprovalBot.Bench.Hosting;

/// <summary>What the silo child reports about itself on <c>/bench/stats</c>.</summary>
public sealed record SiloStats(
    long ResidentBytes,
    long ManagedHeapBytes,
    long GcCommittedBytes,
    int Activations,
    IReadOnlyDictionary<string, int> ActivationsByType,
    double? ReminderServiceStartedSeconds,
    long LocalReminders)
{
    /// <summary>Activations of grain types whose name contains <paramref name="fragment"/>.</summary>
    public int ActivationsOf(string fragment) =>
        ActivationsByType.Where(p => p.Key.Contains(fragment, StringComparison.Ordinal)).Sum(p => p.Value);
}
