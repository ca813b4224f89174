namespace ApprovalBot.Bench.Report;

/// <summary>
/// Writes bench/results/&lt;date&gt;-&lt;mode&gt;.md and its PNGs; a full run also replaces the results block
/// of bench/README.md, so the README always shows the latest full run.
/// </summary>
public static class ResultFiles
{
    public static async Task<string> WriteAsync(string repoRoot, BenchResults results, BenchPlan plan)
    {
        var folder = Path.Combine(repoRoot, "bench", "results");
        Directory.CreateDirectory(folder);
        var prefix = $"{results.Info.StartedAt:yyyy-MM-dd}-{plan.FileName}";
        var plots = Plots.Draw(results, folder, prefix);
        var report = Path.Combine(folder, prefix + ".md");
        await File.WriteAllTextAsync(report, MarkdownReport.Write(results, plots));
        if (plan.Mode == BenchPlan.Full.Mode && plan.IsComplete)
        {
            var readme = Path.Combine(repoRoot, "bench", "README.md");
            await ReadmeBlock.ReplaceAsync(readme, results, plots, prefix);
        }

        return report;
    }
}
