using System.Text;
using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Report;

/// <summary>
/// The run's report, bench/results/&lt;date&gt;-&lt;mode&gt;.md: how it ran, the targets, each measurement,
/// the settings. <see cref="MarkdownSections"/> writes the measurements.
/// </summary>
public static class MarkdownReport
{
    public static string Write(BenchResults results, IReadOnlyDictionary<string, string> plots)
    {
        var info = results.Info;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# ApprovalBot benchmark: {info.StartedAt:yyyy-MM-dd} ({info.Mode} run)"));
        text.AppendLine();
        new MarkdownTable("Run", "")
            .Row("started / finished (UTC)",
                Invariant($"{info.StartedAt:yyyy-MM-dd HH:mm:ss} / {info.FinishedAt:HH:mm:ss}"))
            .Row("commit", info.Git.Describe())
            .Row("command", $"`{info.Command}`")
            .Row("process", $"`{info.ProcessCommandLine}`")
            .Row("machine", Invariant($"{info.Cores} cores ({info.Cpu}), {Bytes(info.MemoryBytes)} memory"))
            .Row("OS / runtime", $"{info.Os} / {info.Runtime}")
            .Row("load average (1/5/15 min) at start / end", $"{info.LoadAtStart} / {info.LoadAtEnd}")
            .Row("PostgreSQL", string.Join(", ", info.Postgres.Select(p => $"{p.Key}={p.Value}")))
            .WriteTo(text);

        text.AppendLine("## Targets");
        text.AppendLine();
        var targets = new MarkdownTable("Target", "Measured", "Verdict");
        foreach (var row in Targets.Evaluate(results))
        {
            targets.Row(row.Target, row.Measured, row.Verdict);
        }

        targets.WriteTo(text);
        foreach (var failure in results.Failures)
        {
            text.AppendLine("- **Failed:** " + failure);
        }

        MarkdownSections.Write(text, results, plots);
        WriteSettings(text, results);
        return text.ToString();
    }

    private static void WriteSettings(StringBuilder text, BenchResults results)
    {
        text.AppendLine("## Settings");
        text.AppendLine();
        text.AppendLine("Every stack: silo and Api as child processes of the bench (server GC, as the Web");
        text.AppendLine("SDK ships them), the Slack sandbox in the bench process, all on 127.0.0.1;");
        text.AppendLine("approvers U0BOB and U0CAROL, `Approval:MaxPendingPerRequester=1000000`, requests");
        text.AppendLine("spread over many requesters; the product's own logs at Information, the");
        text.AppendLine("framework's (ASP.NET Core, HttpClient, Polly) at Warning; a fresh database per");
        text.AppendLine("run, migrated by the Silo's migrations.");
        text.AppendLine();
        var table = new MarkdownTable("Stack", "Setting", "Value");
        foreach (var (stack, settings) in results.Stacks)
        {
            foreach (var (key, value) in settings)
            {
                table.Row(stack, key, value);
            }
        }

        table.WriteTo(text);
    }
}
