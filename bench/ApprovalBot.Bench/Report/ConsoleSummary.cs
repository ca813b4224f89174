namespace ApprovalBot.Bench.Report;

/// <summary>
/// The headline figures and the targets, printed at the end of every run (the smoke run's output).
/// </summary>
public static class ConsoleSummary
{
    public static void Print(BenchResults results)
    {
        Console.WriteLine();
        Console.WriteLine($"== ApprovalBot bench ({results.Info.Mode}), commit {results.Info.Git.Short}, " +
            $"load {results.Info.LoadAtStart} -> {RunInfo.LoadAverage()}");
        foreach (var level in results.Ack ?? [])
        {
            Console.WriteLine(Format.Invariant($"ack commands     @{level.InFlight,3}: ") +
                Format.Latency(level.Commands.Summary()));
            Console.WriteLine(Format.Invariant($"ack interactions @{level.InFlight,3}: ") +
                Format.Latency(level.Clicks.Summary()));
        }

        foreach (var run in new[] { results.Postgres, results.InMemory }.OfType<Phases.ThroughputResult>())
        {
            Console.WriteLine(Format.Invariant($"end to end ({run.Variant}): {run.Completed} approvals, ") +
                Format.Invariant($"{Format.Rate(run.ApprovalsPerSecond)}, click to rewrite ") +
                $"p50 {Format.Ms(run.ClickToRewrite.P50)} p99 {Format.Ms(run.ClickToRewrite.P99)}" +
                Format.Invariant($", {run.Cost.WriteTransactions ?? double.NaN:F1} write transactions, ") +
                Format.Invariant($"{run.Cost.RowWrites:F1} row writes, ") +
                Format.Invariant($"{run.Cost.Commits:F1} commits per approval"));
        }

        foreach (var target in Targets.Evaluate(results))
        {
            Console.WriteLine($"target: {target.Target}: {target.Measured} -> {target.Verdict}");
        }
    }
}
