using System.Text;
using ApprovalBot.Bench.Load;
using ApprovalBot.Bench.Phases;
using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Report;

/// <summary>The measurement sections of the report, in the order of the benchmark's numbering.</summary>
public static class MarkdownSections
{
    public static void Write(StringBuilder text, BenchResults r, IReadOnlyDictionary<string, string> plots)
    {
        if (r.Ack is { } ack)
        {
            WriteAck(text, ack, plots);
        }

        if (r.Postgres is not null || r.InMemory is not null)
        {
            WriteThroughput(text, r, plots);
        }

        if (r.Ceiling is { } ceiling)
        {
            MarkdownDatabase.Write(text, r, ceiling);
        }

        if (r.Memory is { } memory)
        {
            MarkdownMemory.Write(text, memory);
        }

        if (r.Timeout is { } timeout)
        {
            WriteTimeout(text, timeout);
        }

        if (r.RateLimited is { } paced)
        {
            MarkdownRateLimit.Write(text, paced, plots);
        }
    }

    public static void Image(
        StringBuilder text, IReadOnlyDictionary<string, string> plots, string key, string alt)
    {
        if (plots.TryGetValue(key, out var file))
        {
            text.AppendLine("![" + alt + "](" + file + ")");
            text.AppendLine();
        }
    }

    private static void WriteAck(
        StringBuilder text, IReadOnlyList<AckLevel> levels, IReadOnlyDictionary<string, string> plots)
    {
        text.AppendLine("## 1. Acknowledgement latency");
        text.AppendLine();
        text.AppendLine("Signed requests posted straight to the Api, that many in flight (closed loop),");
        text.AppendLine("timed from sending the request to reading the whole answer. Commands first at");
        text.AppendLine("every level, then one Approve click on each request created. A warm-up (not");
        text.AppendLine("counted) comes first. *Not confirmed* answers are 200s saying the grain did not");
        text.AppendLine("answer within `Api:GrainCallBudget` (2 s): the user is told to try again.");
        text.AppendLine();
        var table = new MarkdownTable("Endpoint", " In flight", " n", " p50", " p95", " p99", " max",
            " > 3 s", " non-200", " not confirmed");
        foreach (var level in levels)
        {
            AckRow(table, "commands", level.InFlight, level.Commands.Summary());
            AckRow(table, "interactions", level.InFlight, level.Clicks.Summary());
        }

        table.WriteTo(text);
        foreach (var level in levels)
        {
            var alt = Invariant($"Latency histogram, {level.InFlight} in flight");
            Image(text, plots, Invariant($"ack-c{level.InFlight}"), alt);
        }
    }

    private static void AckRow(MarkdownTable table, string endpoint, int inFlight, LatencySummary s) =>
        table.Row(endpoint, Invariant($"{inFlight}"), Count(s.Count), Ms(s.P50), Ms(s.P95), Ms(s.P99),
            Ms(s.Max), Count(s.SlowerThanSlackLimit), Count(s.Non200), Count(s.NotConfirmed));

    private static void WriteThroughput(
        StringBuilder text, BenchResults r, IReadOnlyDictionary<string, string> plots)
    {
        text.AppendLine("## 2. End-to-end throughput");
        text.AppendLine();
        text.AppendLine("Each worker types a command in the sandbox, waits for the approval message,");
        text.AppendLine("clicks Approve and starts again. An approval counts once the message is");
        text.AppendLine("rewritten and the requester told; the rate is completed approvals over the time");
        text.AppendLine("from the first command to the last completion.");
        text.AppendLine();
        var table = new MarkdownTable("Storage", " In flight", " Approvals", " Approvals/s",
            " Click→rewrite p50", " p99", " Command→post p50", " p99", " Command ack p99", " Click ack p99",
            " Incomplete");
        foreach (var run in new[] { r.Postgres, r.InMemory }.OfType<ThroughputResult>())
        {
            table.Row(run.Variant, Invariant($"{run.InFlight}"), Count(run.Completed),
                Number(run.ApprovalsPerSecond), Ms(run.ClickToRewrite.P50), Ms(run.ClickToRewrite.P99),
                Ms(run.CommandToPost.P50), Ms(run.CommandToPost.P99), Ms(run.CommandAck.P99),
                Ms(run.ClickAck.P99), Count(run.Incomplete + run.Failed));
        }

        table.WriteTo(text);
        Image(text, plots, "throughput", "Approvals completed per second");
    }

    private static void WriteTimeout(StringBuilder text, TimeoutResult timeout)
    {
        text.AppendLine("## 5. Timeout precision");
        text.AppendLine();
        text.AppendLine(Invariant($"{timeout.Created} requests sent in a burst with `Approval:Timeout` = ") +
            Invariant($"{timeout.Timeout.TotalSeconds:F0} s and left alone; the lag runs from each"));
        text.AppendLine("deadline");
        text.AppendLine("to the rewrite the sandbox recorded. The deadline is taken as send time +");
        text.AppendLine("timeout, so the lag is overstated by at most the command's acknowledgement time.");
        text.AppendLine();
        var lag = timeout.Lag;
        new MarkdownTable("Expired", " p50", " p95", " p99", " max")
            .Row(Invariant($"{timeout.Expired} of {timeout.Created}"), Ms(lag.P50), Ms(lag.P95), Ms(lag.P99),
                Ms(lag.Max))
            .WriteTo(text);
    }
}
