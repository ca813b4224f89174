using ApprovalBot.Bench.Phases;
using ScottPlot;

namespace ApprovalBot.Bench.Report;

/// <summary>
/// The report's pictures, drawn with ScottPlot: a latency histogram per in-flight level, approvals completed
/// per second, and the paced posts over time. Returns each file's name keyed by what it shows.
/// </summary>
public static class Plots
{
    private const int Width = 900;
    private const int Height = 420;
    private const int Bins = 60;

    public static Dictionary<string, string> Draw(BenchResults results, string folder, string prefix)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var level in results.Ack ?? [])
        {
            var plot = new Plot();
            var upper = Math.Max(level.Commands.P999Ms, level.Clicks.P999Ms);
            AddHistogram(plot, "commands", level.Commands, upper);
            AddHistogram(plot, "interactions", level.Clicks, upper);
            var title = Format.Invariant($"Acknowledgement latency, {level.InFlight} in flight");
            Save(plot, title, "latency (ms)", "requests", Format.Invariant($"ack-c{level.InFlight}"), folder,
                prefix, files);
        }

        var runs = new[] { results.Postgres, results.InMemory }.OfType<ThroughputResult>().ToList();
        if (runs.Count > 0)
        {
            var plot = new Plot();
            foreach (var run in runs)
            {
                var ys = run.CompletionsPerSecond;
                Line(plot, [.. Enumerable.Range(0, ys.Length).Select(i => (double)i)], ys, run.Variant);
            }

            Save(plot, "End-to-end approvals completed per second", "seconds since the first command",
                "approvals completed", "throughput", folder, prefix, files);
        }

        if (results.RateLimited is { PostOffsetsSeconds.Length: > 0 } paced)
        {
            var plot = new Plot();
            var times = paced.PostOffsetsSeconds;
            double[] posted = [.. Enumerable.Range(1, times.Length).Select(i => (double)i)];
            var line = Line(plot, times, posted, "approval messages");
            line.MarkerSize = 6;
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            var pace = plot.Add.Line(times[0], 1, times[0] + times.Length - 1, times.Length);
            pace.LegendText = "one a second";
            pace.LinePattern = LinePattern.Dashed;
            plot.ShowLegend(Alignment.UpperLeft);
            Save(plot, "Approval messages posted with Slack's pace enforced", "seconds since the burst",
                "messages posted", "ratelimited", folder, prefix, files);
        }

        return files;
    }

    private static void AddHistogram(Plot plot, string label, Load.LatencyStats stats, double upperMs)
    {
        var (upper, counts) = stats.Bins(Bins, upperMs);
        Line(plot, upper, counts, label).ConnectStyle = ConnectStyle.StepVertical;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string label)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        return line;
    }

    private static void Save(
        Plot plot, string title, string x, string y, string key, string folder, string prefix,
        Dictionary<string, string> files)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        if (!plot.Legend.IsVisible)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
        var name = $"{prefix}-{key}.png";
        plot.SavePng(Path.Combine(folder, name), Width, Height);
        files[key] = name;
    }
}
