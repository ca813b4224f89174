using System.Text;
using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Report;

/// <summary>The block of bench/README.md between its results markers, rewritten by every full run.</summary>
public static class ReadmeBlock
{
    public const string Begin = "<!-- results:begin (written by --full runs) -->";
    public const string End = "<!-- results:end -->";

    public static async Task ReplaceAsync(
        string readme, BenchResults results, IReadOnlyDictionary<string, string> plots, string prefix)
    {
        var text = await File.ReadAllTextAsync(readme);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            Progress.Say($"{readme} has no results markers; left unchanged");
            return;
        }

        var block = Render(results, plots, prefix);
        await File.WriteAllTextAsync(readme, text[..(start + Begin.Length)] + "\n" + block + text[end..]);
    }

    private static string Render(
        BenchResults results, IReadOnlyDictionary<string, string> plots, string prefix)
    {
        var info = results.Info;
        var text = new StringBuilder();
        text.AppendLine(
            Invariant($"Latest full run: **{info.StartedAt:yyyy-MM-dd}**, commit `{info.Git.Short}`") +
            Invariant($"{(info.Git.ChangedFiles > 0 ? " (with uncommitted changes)" : "")}, ") +
            Invariant($"{info.Cores} cores, load average {info.LoadAtStart} at the start. ") +
            $"Full report: [results/{prefix}.md](results/{prefix}.md).");
        text.AppendLine();
        var table = new MarkdownTable("Target", "Measured", "Verdict");
        foreach (var row in Targets.Evaluate(results))
        {
            table.Row(row.Target, row.Measured, row.Verdict);
        }

        table.WriteTo(text);
        foreach (var key in new[] { "ack-c64", "ack-c256", "throughput", "ratelimited" })
        {
            if (plots.TryGetValue(key, out var file))
            {
                text.AppendLine("![" + key + "](results/" + file + ")");
                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
