using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Report;

/// <summary>
/// One target the product is measured against, what this run measured, and how far off it is.
/// </summary>
public sealed record TargetRow(string Target, string Measured, string Verdict);

/// <summary>The targets of the benchmark, evaluated on a run. They are reported, never asserted.</summary>
public static class Targets
{
    public const int StatedWaiting = 100_000;

    public static IReadOnlyList<TargetRow> Evaluate(BenchResults r) =>
        [.. new[] { AckAt64(r), AckAt256(r), Throughput(r), Writes(r), Memory(r), TimeoutLag(r) }
            .OfType<TargetRow>()];

    private static TargetRow? AckAt64(BenchResults r)
    {
        if (r.Ack?.FirstOrDefault(l => l.InFlight == 64) is not { } level)
        {
            return null;
        }

        var (commands, clicks) = (level.Commands.Summary().P99, level.Clicks.Summary().P99);
        var worst = Math.Max(commands, clicks);
        return new TargetRow("ack p99 < 50 ms at 64 in flight",
            $"commands {Ms(commands)}, interactions {Ms(clicks)}",
            worst < 50 ? "met" : Invariant($"missed by {Ms(worst - 50)} ({worst / 50:F1}× the target)"));
    }

    private static TargetRow? AckAt256(BenchResults r)
    {
        if (r.Ack?.FirstOrDefault(l => l.InFlight == 256) is not { } level)
        {
            return null;
        }

        var (commands, clicks) = (level.Commands.Summary(), level.Clicks.Summary());
        var slow = commands.SlowerThanSlackLimit + clicks.SlowerThanSlackLimit;
        return new TargetRow("no ack > 3 s at 256 in flight",
            Invariant($"{slow} slower than 3 s; max {Ms(Math.Max(commands.Max, clicks.Max))}"),
            slow == 0 ? "met" : Invariant($"missed: {slow} of {commands.Count + clicks.Count} answers"));
    }

    private static TargetRow? Throughput(BenchResults r)
    {
        if (r.Postgres is not { } p || r.Ceiling is not { } c || r.CeilingRatio is not { } ratio)
        {
            return null;
        }

        var goal = c.CommitsPerSecond / 5 / 2;
        return new TargetRow("approvals/s ≥ ½ × (ceiling ÷ 5)",
            Invariant($"{p.ApprovalsPerSecond:F1}/s vs ceiling {c.CommitsPerSecond:F0} commits/s ") +
            Invariant($"(goal ≥ {goal:F1}/s); ratio to ceiling ÷ 5: {ratio:F2}"),
            ratio >= 0.5
                ? "met"
                : Invariant($"missed by {goal - p.ApprovalsPerSecond:F1}/s (ratio {ratio:F2} < 0.5)"));
    }

    private static TargetRow? Writes(BenchResults r)
    {
        if (r.Postgres is not { Completed: > 0 } p)
        {
            return null;
        }

        // Write transactions are counted in the WAL when it can be read; rows written stand in otherwise.
        var writes = p.Cost.WriteTransactions ?? p.Cost.RowWrites;
        var measured = p.Cost.WriteTransactions is { } tx
            ? Invariant($"{tx:F1} write transactions (WAL commit records), ")
            : "";
        return new TargetRow("write transactions per approval close to 5",
            measured + Invariant($"{p.Cost.RowWrites:F1} rows written, ")
                + Invariant($"{p.Cost.Commits:F1} commits with reads"),
            writes <= 6 ? "met" : Invariant($"missed: {writes - 5:F1} more than 5"));
    }

    private static TargetRow? Memory(BenchResults r)
    {
        if (r.Memory is not { Points.Count: > 0 } memory)
        {
            return null;
        }

        var point = memory.Points[^1];

        var scale = point.Waiting >= StatedWaiting
            ? ""
            : Invariant($" (at {Count(point.Waiting)}; stated for 100,000)");
        return new TargetRow("< 2 KiB silo memory per waiting request at 100,000",
            $"RSS {Bytes(point.RssPerRequest)}, after full GC {Bytes(point.RssAfterGcPerRequest)}, " +
            $"managed heap {Bytes(point.HeapPerRequest)}{scale}",
            point.RssPerRequest < 2048 ? "met" : MemoryMiss(point));
    }

    // RSS as found includes heap the GC has not given back since the burst; after a full GC it does not.
    private static string MemoryMiss(Phases.MemoryPoint point)
    {
        var miss = $"missed by {Bytes(point.RssPerRequest - 2048)}";
        return point.RssAfterGcPerRequest < 2048 ? miss + " as found; met after a full GC" : miss;
    }

    private static TargetRow? TimeoutLag(BenchResults r) => r.Timeout is not { Expired: > 0 } t
        ? null
        : new TargetRow("timeout lag p99 < 5 s",
            $"p50 {Ms(t.Lag.P50)}, p99 {Ms(t.Lag.P99)}, max {Ms(t.Lag.Max)}",
            t.Lag.P99 < 5000 ? "met" : $"missed by {Ms(t.Lag.P99 - 5000)}");
}
