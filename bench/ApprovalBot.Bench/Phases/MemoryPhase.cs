using System.Diagnostics;
using System.Globalization;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// Measurement 4: what a waiting request costs the silo once its grain has deactivated. Requests with a
/// three-day timeout are submitted in steps (10 per requester, as people would have them), the bench waits
/// until the silo collected the idle approval grains, and the silo's resident and managed memory over the
/// baseline is divided by the number waiting. Then the silo is restarted, to time how long it takes to come
/// back with them.
/// </summary>
public static class MemoryPhase
{
    private const int InFlight = 64;
    private const int RequestsPerRequester = 10;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public static async Task<MemoryResult> RunAsync(
        RunningProduct stack, BenchPlan plan, string connectionString, CancellationToken token)
    {
        using var poster = new SlackPoster(stack.Addresses.ApiRoot, BenchContext.SigningSecret);
        var hooks = new HookUrls(stack.Sandbox.BaseUrl);
        var idleLimit = plan.CollectionAge + (3 * plan.CollectionQuantum) + TimeSpan.FromSeconds(60);
        await WaitIdleAsync(stack, idleLimit, token);
        var baseline = await stack.SiloStatsAsync(collectFirst: true, token);
        Progress.Say($"memory baseline: RSS {Format.Bytes(baseline.ResidentBytes)}, " +
            $"heap {Format.Bytes(baseline.ManagedHeapBytes)}");

        var points = new List<MemoryPoint>();
        var submitted = 0;
        var created = 0;
        string? anyCorrelationId = null;
        foreach (var target in plan.WaitingCounts)
        {
            var started = Stopwatch.GetTimestamp();
            var first = submitted;
            await ClosedLoop.RunAsync(target - first, InFlight, TimeSpan.FromMinutes(30), async (i, t) =>
            {
                var n = first + i;
                var requester = string.Create(
                    CultureInfo.InvariantCulture, $"U0W{n / RequestsPerRequester:D6}");
                var text = Format.Invariant($"waiting-{n}@example.com --timeout 3d waits for a decision");
                var answer = await poster.PostAsync(
                    SlackPoster.CommandsPath, SlackBodies.Command(requester, text, hooks.Next()), t);
                if (WorkspaceOutcomes.CorrelationId().Match(answer.Body) is { Success: true } id)
                {
                    Interlocked.Increment(ref created);
                    anyCorrelationId ??= id.Value;
                }
            }, token);
            submitted = target;
            var submitTime = Stopwatch.GetElapsedTime(started);

            // With the grains still active: what the default 15-minute collection age would keep in memory.
            var active = await stack.SiloStatsAsync(collectFirst: true, token);
            var (idleAfter, left) = await WaitIdleAsync(stack, idleLimit, token);
            var raw = await stack.SiloStatsAsync(collectFirst: false, token);
            var collected = await stack.SiloStatsAsync(collectFirst: true, token);
            var point = MemoryPoint.Measure((target, target - first, created), submitTime, idleAfter, left,
                baseline, active, raw, collected);
            points.Add(point);
            Progress.Say(Format.Invariant($"{target} waiting, per request over the baseline: RSS ") +
                Format.Bytes(point.RssPerRequest) + $" ({Format.Bytes(point.RssAfterGcPerRequest)} " +
                Format.Invariant($"after a full GC), heap {Format.Bytes(point.HeapPerRequest)}; ") +
                Format.Invariant($"{left} approval grains still active"));
        }

        var restart = anyCorrelationId is null
            ? null
            : await RestartProbe.RunAsync(stack, poster, hooks, anyCorrelationId, connectionString, token);
        return new MemoryResult(baseline, points, restart);
    }

    /// <summary>
    /// Waits until no approval grain is active (or the limit); returns the wait and what was left.
    /// </summary>
    public static async Task<(TimeSpan Waited, int Left)> WaitIdleAsync(
        RunningProduct stack, TimeSpan limit, CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var stats = await stack.SiloStatsAsync(collectFirst: false, token);
            var left = stats.ActivationsOf("ApprovalGrain");
            if (left == 0 || Stopwatch.GetElapsedTime(started) > limit)
            {
                return (Stopwatch.GetElapsedTime(started), left);
            }

            await Task.Delay(Poll, token);
        }
    }
}
