using System.Collections.Concurrent;
using System.Diagnostics;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;
using ApprovalBot.SlackSandbox;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// Measurement 7: Slack's pace enforced. The sandbox refuses a second <c>chat.postMessage</c> to a channel
/// within a second (429 with Retry-After), and the silo paces itself at one post a second per channel. A
/// burst of commands is sent at once; the product should acknowledge them all at once, queue the posts, post
/// every one about a second apart, lose none, and still take decisions on them.
/// </summary>
public static class RateLimitPhase
{
    private const int ClickInFlight = 8;

    public static async Task<RateLimitResult> RunAsync(
        RunningProduct stack, BenchPlan plan, CardIndex cards, CancellationToken token)
    {
        var n = plan.RateLimitedRequests;
        var acks = new LatencyStats();
        var created = new ConcurrentBag<string>();
        var started = DateTimeOffset.UtcNow;
        await ClosedLoop.RunAsync(n, n, TimeSpan.FromMinutes(1), async (i, t) =>
        {
            var timer = Stopwatch.GetTimestamp();
            var text = Format.Invariant($"paced-{i}@example.com paced");
            var reply = await stack.Sandbox.SendSlashCommandAsync(
                BenchUsers.Requester(i), text, cancellationToken: t);
            acks.Record(Stopwatch.GetElapsedTime(timer), reply.StatusCode);
            if (WorkspaceOutcomes.CorrelationId().Match(reply.Body) is { Success: true } id)
            {
                created.Add(id.Value);
            }
        }, token);

        var limit = TimeSpan.FromSeconds((n * 1.5) + 30);
        var posted = await PostedWithinAsync(created, cards, limit, token);
        var postTimes = posted.Select(c => (c.PostedAt - started).TotalSeconds).Order().ToArray();
        var intervals = new LatencyStats();
        for (var i = 1; i < postTimes.Length; i++)
        {
            intervals.Record(TimeSpan.FromSeconds(postTimes[i] - postTimes[i - 1]));
        }

        var refused = stack.Sandbox.Workspace.Calls("chat.postMessage").Count(c => c.StatusCode == 429);
        var decided = await DecideAllAsync(stack, posted, token);
        var span = postTimes.Length > 1 ? postTimes[^1] - postTimes[0] : 0;
        var rate = span == 0 ? 0 : (postTimes.Length - 1) / span;
        var result = new RateLimitResult(n, created.Count, posted.Count, refused, TimeSpan.FromSeconds(span),
            rate, intervals.Summary(), acks.Summary(), decided, postTimes);
        Progress.Say(Format.Invariant($"rate-limited: {result.Posted} of {n} posted over ") +
            $"{Format.Seconds(result.FirstToLastPost)} ({Format.Rate(result.PostsPerSecond)}), " +
            Format.Invariant($"{refused} refused with 429, {decided} decided"));
        return result;
    }

    private static async Task<List<ApprovalCard>> PostedWithinAsync(
        IEnumerable<string> ids, CardIndex cards, TimeSpan limit, CancellationToken token)
    {
        var waits = ids.Select(async id =>
        {
            try
            {
                return await cards.WaitAsync(id, limit, token);
            }
            catch (TimeoutException)
            {
                return null;
            }
        });
        return [.. (await Task.WhenAll(waits)).OfType<ApprovalCard>()];
    }

    private static async Task<int> DecideAllAsync(
        RunningProduct stack, List<ApprovalCard> posted, CancellationToken token)
    {
        await ClosedLoop.RunAsync(posted.Count, ClickInFlight, TimeSpan.FromMinutes(1), (i, t) =>
            stack.Sandbox.ClickAsync(BenchUsers.Approver(i), SandboxOptions.DefaultApprovalChannelId,
                posted[i].Ts, ApprovalCard.ApproveActionId, t), token);
        var outcomes = await Completion.WaitAsync(stack.Sandbox.Workspace, posted, token);
        return posted.Count(c => outcomes.CompletedAt(c) is not null);
    }
}

/// <summary>
/// The paced run: how many were posted, how far apart, how many Slack refused, how many were decided.
/// </summary>
public sealed record RateLimitResult(
    int Requests,
    int Created,
    int Posted,
    int Refused429,
    TimeSpan FirstToLastPost,
    double PostsPerSecond,
    LatencySummary Intervals,
    LatencySummary CommandAck,
    int Decided,
    double[] PostOffsetsSeconds);
