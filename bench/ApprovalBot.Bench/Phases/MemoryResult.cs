using ApprovalBot.Bench.Hosting;

namespace ApprovalBot.Bench.Phases;

/// <summary>The memory measurement: the baseline, each step, and the restart.</summary>
public sealed record MemoryResult(
    SiloStats Baseline, IReadOnlyList<MemoryPoint> Points, RestartResult? Restart);

/// <summary>The silo with <see cref="Waiting"/> requests waiting and their grains collected.</summary>
public sealed record MemoryPoint(
    int Waiting,
    int Created,
    TimeSpan SubmitTime,
    TimeSpan IdleAfter,
    int ApprovalGrainsLeft,
    long Rss,
    long RssAfterGc,
    long HeapAfterGc,
    double RssPerRequest,
    double RssAfterGcPerRequest,
    double HeapPerRequest,
    double ActiveHeapPerGrain,
    int ActiveApprovalGrains,
    int SubmittedInStep)
{
    public double SubmitsPerSecond =>
        SubmitTime.TotalSeconds == 0 ? 0 : SubmittedInStep / SubmitTime.TotalSeconds;

    public static MemoryPoint Measure(
        (int Waiting, int Submitted, int Created) counts, TimeSpan submitTime, TimeSpan idleAfter, int left,
        SiloStats baseline, SiloStats active, SiloStats raw, SiloStats collected)
    {
        var (waiting, submitted, created) = counts;
        var activeGrains = active.ActivationsOf("ApprovalGrain");
        var n = (double)Math.Max(1, created);
        return new MemoryPoint(waiting, created, submitTime, idleAfter, left,
            raw.ResidentBytes, collected.ResidentBytes, collected.ManagedHeapBytes,
            (raw.ResidentBytes - baseline.ResidentBytes) / n,
            (collected.ResidentBytes - baseline.ResidentBytes) / n,
            (collected.ManagedHeapBytes - baseline.ManagedHeapBytes) / n,
            (double)(active.ManagedHeapBytes - baseline.ManagedHeapBytes) / Math.Max(1, activeGrains),
            activeGrains, submitted);
    }
}

/// <summary>
/// A graceful silo restart with the requests waiting: shutdown time, time until the new silo reported ready,
/// until its reminder service had read the reminder table, and until the Api answered a status command about
/// one of the waiting requests again.
/// </summary>
public sealed record RestartResult(
    TimeSpan Shutdown,
    TimeSpan Ready,
    TimeSpan? RemindersLoaded,
    TimeSpan? FirstAnswer,
    long RemindersInTable,
    long LocalReminders,
    long RssAfterRestart);
