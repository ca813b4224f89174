using System.Text;
using ApprovalBot.Bench.Phases;
using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Report;

/// <summary>Section 7: the run with Slack's per-channel pace enforced.</summary>
public static class MarkdownRateLimit
{
    public static void Write(
        StringBuilder text, RateLimitResult paced, IReadOnlyDictionary<string, string> plots)
    {
        text.AppendLine("## 7. Slack's per-channel pace enforced");
        text.AppendLine();
        text.AppendLine(
            Invariant($"{paced.Requests} commands sent at once with the sandbox refusing a second ") +
            "`chat.postMessage` per channel within a second (429, Retry-After: 1) and " +
            "`Slack:PostsPerSecondPerChannel=1`; then every posted request approved.");
        text.AppendLine();
        new MarkdownTable(" Created", " Posted", " Refused (429)", " First→last post", " Posts/s",
                " Interval p50", " Interval max", " Command ack p99", " Decided")
            .Row(Count(paced.Created), Count(paced.Posted), Count(paced.Refused429),
                Seconds(paced.FirstToLastPost),
                Number(paced.PostsPerSecond, 2), Ms(paced.Intervals.P50), Ms(paced.Intervals.Max),
                Ms(paced.CommandAck.P99), Count(paced.Decided))
            .WriteTo(text);
        MarkdownSections.Image(text, plots, "ratelimited", "Approval messages posted over time, paced");
    }
}
