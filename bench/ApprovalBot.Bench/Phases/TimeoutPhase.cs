using System.Collections.Concurrent;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// Measurement 5: how late a timeout shows. Many requests are sent in a burst with the stack's short default
/// timeout and nobody decides; the lag is from each deadline to the moment the sandbox recorded the message's
/// rewrite. The deadline is taken as the time the command was sent plus the timeout, which is at most the
/// command's acknowledgement time early, so the lag is overstated by at most that.
/// </summary>
public static class TimeoutPhase
{
    private const int InFlight = 32;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    public static async Task<TimeoutResult> RunAsync(
        RunningProduct stack, BenchPlan plan, CardIndex cards, CancellationToken token)
    {
        using var poster = new SlackPoster(stack.Addresses.ApiRoot, BenchContext.SigningSecret);
        var hooks = new HookUrls(stack.Sandbox.BaseUrl);
        var sentAt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var acks = new LatencyStats();
        await ClosedLoop.RunAsync(plan.TimeoutRequests, InFlight, TimeSpan.FromMinutes(5), async (i, t) =>
        {
            var sent = DateTimeOffset.UtcNow;
            var text = Format.Invariant($"timeout-{i}@example.com left to expire");
            var requester = BenchUsers.Requester(i % stack.Options.Requesters);
            var body = SlackBodies.Command(requester, text, hooks.Next());
            var answer = await poster.PostAsync(SlackPoster.CommandsPath, body, t);
            acks.Record(answer);
            if (WorkspaceOutcomes.CorrelationId().Match(answer.Body) is { Success: true } id)
            {
                sentAt[id.Value] = sent;
            }
        }, token);

        var posted = await AckLatencyPhase.PostedCardsAsync(sentAt.Keys, cards, token);
        var timeout = stack.Options.DefaultTimeout;
        var outcomes = await Completion.WaitAsync(stack.Sandbox.Workspace, [.. posted.Values], token,
            timeout + Grace, (o, card) => o.RewrittenAt(card) is not null);

        var lag = new LatencyStats();
        foreach (var card in posted.Values)
        {
            if (outcomes.RewrittenAt(card) is { } rewritten)
            {
                var late = rewritten - (sentAt[card.CorrelationId] + timeout);
                lag.Record(late > TimeSpan.Zero ? late : TimeSpan.Zero);
            }
        }

        var result = new TimeoutResult(plan.TimeoutRequests, sentAt.Count, timeout, (int)lag.Summary().Count,
            lag.Summary(), acks.Summary());
        Progress.Say(Format.Invariant($"timeouts: {result.Expired} of {result.Created} expired, lag p50 ") +
            Format.Invariant($"{Format.Ms(result.Lag.P50)}, p99 {Format.Ms(result.Lag.P99)}"));
        return result;
    }
}

/// <summary>Requests left to time out and how late their messages showed it.</summary>
public sealed record TimeoutResult(
    int Requests, int Created, TimeSpan Timeout, int Expired, LatencySummary Lag, LatencySummary CommandAck);
