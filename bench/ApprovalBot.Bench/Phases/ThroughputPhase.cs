using System.Collections.Concurrent;
using System.Diagnostics;
using ApprovalBot.Bench.Database;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;
using ApprovalBot.SlackSandbox;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// Measurement 2: approvals carried all the way, with a fixed number in flight. Each worker types a command
/// in the sandbox, waits for the approval message, clicks Approve and moves on; rewriting the message and
/// telling the requester happen after the click's 200, and an approval counts when the sandbox shows both.
/// PostgreSQL's counters are read before and after, so the database work per approval comes with the rate.
/// </summary>
public static class ThroughputPhase
{
    private static readonly TimeSpan PostLimit = TimeSpan.FromSeconds(30);

    public static async Task<ThroughputResult> RunAsync(
        RunningProduct stack, BenchPlan plan, CardIndex cards, string variant, BenchContext context,
        CancellationToken token)
    {
        var run = new ThroughputRun();
        var db = await DbWindow.OpenAsync(context, token);
        var cpuBefore = await ProductCpu.SampleAsync(stack, context.DatabaseConnectionString, token);
        run.Started = DateTimeOffset.UtcNow;
        var loop = Stopwatch.GetTimestamp();
        await ClosedLoop.RunAsync(int.MaxValue, plan.EndToEndConcurrency, plan.EndToEndDuration,
            (i, t) => ApproveOneAsync(stack, cards, run, i, t), token);
        var loadTime = Stopwatch.GetElapsedTime(loop);

        var clicked = run.Clicked.Values.Select(c => c.Card).ToList();
        var outcomes = await Completion.WaitAsync(stack.Sandbox.Workspace, clicked, token);
        var cpuAfter = await ProductCpu.SampleAsync(stack, context.DatabaseConnectionString, token);
        var cpu = cpuAfter.Since(cpuBefore);
        var delta = await db.CloseAsync(token);
        var result = run.Result(variant, plan.EndToEndConcurrency, loadTime, outcomes, delta, cpu);
        Progress.Say(Format.Invariant(
            $"end to end ({variant}): {result.Completed} approvals, ") +
            Format.Rate(result.ApprovalsPerSecond) + ", " +
            Format.Invariant($"click to rewrite p50 {Format.Ms(result.ClickToRewrite.P50)}, ") +
            Format.Invariant($"p99 {Format.Ms(result.ClickToRewrite.P99)}"));
        return result;
    }

    private static async Task ApproveOneAsync(
        RunningProduct stack, CardIndex cards, ThroughputRun run, int i, CancellationToken token)
    {
        var requester = BenchUsers.Requester(i % stack.Options.Requesters);
        var sent = DateTimeOffset.UtcNow;
        var timer = Stopwatch.GetTimestamp();
        var text = Format.Invariant($"e2e-{i}@example.com --timeout 1h end to end");
        var reply = await stack.Sandbox.SendSlashCommandAsync(requester, text, cancellationToken: token);
        run.CommandAcks.Record(Stopwatch.GetElapsedTime(timer), reply.StatusCode, NotConfirmed(reply));
        var id = WorkspaceOutcomes.CorrelationId().Match(reply.Body);
        if (reply.StatusCode != 200 || !id.Success)
        {
            Interlocked.Increment(ref run.Failed);
            return;
        }

        ApprovalCard card;
        try
        {
            card = await cards.WaitAsync(id.Value, PostLimit, token);
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref run.Failed);
            return;
        }

        run.CommandToPost.Record(card.PostedAt - sent);
        var clickedAt = DateTimeOffset.UtcNow;
        timer = Stopwatch.GetTimestamp();
        var click = await stack.Sandbox.ClickAsync(BenchUsers.Approver(i),
            SandboxOptions.DefaultApprovalChannelId, card.Ts, ApprovalCard.ApproveActionId, token);
        run.ClickAcks.Record(Stopwatch.GetElapsedTime(timer), click.StatusCode);
        run.Clicked[card.CorrelationId] = (card, clickedAt);
    }

    private static bool NotConfirmed(SandboxReply reply) =>
        reply.Body.Contains("could not be confirmed", StringComparison.Ordinal);
}

/// <summary>What the workers of one end-to-end run record as they go.</summary>
internal sealed class ThroughputRun
{
    public int Failed;

    public DateTimeOffset Started { get; set; }

    public LatencyStats CommandAcks { get; } = new();

    public LatencyStats ClickAcks { get; } = new();

    public LatencyStats CommandToPost { get; } = new();

    public ConcurrentDictionary<string, (ApprovalCard Card, DateTimeOffset ClickedAt)> Clicked { get; } =
        new(StringComparer.Ordinal);

    public ThroughputResult Result(
        string variant, int inFlight, TimeSpan loadTime, WorkspaceOutcomes outcomes, DbDelta db, CpuUse cpu)
    {
        var clickToRewrite = new LatencyStats();
        var completions = new List<double>();
        foreach (var (card, clickedAt) in Clicked.Values)
        {
            if (outcomes.RewrittenAt(card) is { } rewritten)
            {
                clickToRewrite.Record(rewritten - clickedAt);
            }

            if (outcomes.CompletedAt(card) is { } completed)
            {
                completions.Add((completed - Started).TotalSeconds);
            }
        }

        var window = completions.Count == 0 ? 0 : completions.Max();
        var perSecond = new double[(int)Math.Ceiling(window) + 1];
        completions.ForEach(c => perSecond[(int)c]++);
        return new ThroughputResult(
            variant, inFlight, loadTime, Clicked.Count, completions.Count, Failed,
            window == 0 ? 0 : completions.Count / window, clickToRewrite.Summary(), CommandToPost.Summary(),
            CommandAcks.Summary(), ClickAcks.Summary(), perSecond, db, db.Per(completions.Count), cpu);
    }
}
