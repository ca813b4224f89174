using System.Collections.Concurrent;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;
using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// Measurement 1: how fast the Api acknowledges <c>POST /slack/commands</c> and <c>POST
/// /slack/interactions</c> with a fixed number of requests in flight. At each level, that many workers send
/// commands back to back; once every request of every level is posted, the same levels click Approve on them.
/// </summary>
public sealed class AckLatencyPhase : IDisposable
{
    private static readonly TimeSpan LevelLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PostLimit = TimeSpan.FromSeconds(60);

    private readonly RunningProduct _stack;
    private readonly CardIndex _cards;
    private readonly SlackPoster _poster;
    private readonly HookUrls _hooks;

    private AckLatencyPhase(RunningProduct stack, CardIndex cards)
    {
        _stack = stack;
        _cards = cards;
        _poster = new SlackPoster(stack.Addresses.ApiRoot, BenchContext.SigningSecret);
        _hooks = new HookUrls(stack.Sandbox.BaseUrl);
    }

    public static async Task<IReadOnlyList<AckLevel>> RunAsync(
        RunningProduct stack, BenchPlan plan, CardIndex cards, CancellationToken token)
    {
        using var phase = new AckLatencyPhase(stack, cards);
        return await phase.MeasureAsync(plan, token);
    }

    /// <summary>The cards of those requests that were posted within a minute, by correlation id.</summary>
    public static async Task<Dictionary<string, ApprovalCard>> PostedCardsAsync(
        IEnumerable<string> correlationIds, CardIndex cards, CancellationToken token)
    {
        var waits = correlationIds.Select(async id =>
        {
            try
            {
                return await cards.WaitAsync(id, PostLimit, token);
            }
            catch (TimeoutException)
            {
                return null;
            }
        });
        var found = await Task.WhenAll(waits);
        return found.OfType<ApprovalCard>().ToDictionary(c => c.CorrelationId, StringComparer.Ordinal);
    }

    public void Dispose() => _poster.Dispose();

    private async Task<IReadOnlyList<AckLevel>> MeasureAsync(BenchPlan plan, CancellationToken token)
    {
        await WarmUpAsync(token);
        var levels = plan.AckLevels.Select(l => new AckLevel(l)).ToList();
        foreach (var level in levels)
        {
            await ClosedLoop.RunAsync(plan.AckRequests(level.InFlight), level.InFlight, LevelLimit,
                (i, t) => CommandAsync(level, Invariant($"ack{level.InFlight}"), i, t), token);
            var summary = Latency(level.Commands.Summary());
            Progress.Say(Invariant($"commands at {level.InFlight} in flight: {summary}"));
        }

        var posted = await PostedCardsAsync(levels.SelectMany(l => l.Created), _cards, token);
        foreach (var level in levels)
        {
            level.Cards.AddRange(level.Created.Select(posted.GetValueOrDefault).OfType<ApprovalCard>());
            await ClickAsync(level.Cards, level.InFlight, level.Clicks, token);
            var summary = Latency(level.Clicks.Summary());
            Progress.Say(Invariant($"clicks at {level.InFlight} in flight: {summary}"));
        }

        await Completion.WaitAsync(_stack.Sandbox.Workspace, [.. levels.SelectMany(l => l.Cards)], token);
        return levels;
    }

    // Connections, JIT and the grains' first activations are paid here, not in the first level.
    private async Task WarmUpAsync(CancellationToken token)
    {
        var level = new AckLevel(4);
        await ClosedLoop.RunAsync(32, 4, LevelLimit, (i, t) => CommandAsync(level, "warm", i, t), token);
        var posted = await PostedCardsAsync(level.Created, _cards, token);
        await ClickAsync([.. posted.Values], 4, new LatencyStats(), token);
    }

    private async Task CommandAsync(AckLevel level, string tag, int i, CancellationToken token)
    {
        var requester = BenchUsers.Requester(i % _stack.Options.Requesters);
        var text = Invariant($"{tag}-{i}@example.com --timeout 1h acknowledgement {tag}");
        var body = SlackBodies.Command(requester, text, _hooks.Next());
        var answer = await _poster.PostAsync(SlackPoster.CommandsPath, body, token);
        level.Commands.Record(answer);
        var id = WorkspaceOutcomes.CorrelationId().Match(answer.Body);
        if (answer.Status == 200 && id.Success)
        {
            level.Created.Add(id.Value);
        }
    }

    private Task<int> ClickAsync(
        List<ApprovalCard> cards, int inFlight, LatencyStats stats, CancellationToken token) =>
        ClosedLoop.RunAsync(cards.Count, inFlight, LevelLimit, async (i, t) =>
        {
            var body = SlackBodies.Click(cards[i], BenchUsers.Approver(i), _hooks.Next());
            stats.Record(await _poster.PostAsync(SlackPoster.InteractionsPath, body, t));
        }, token);
}

/// <summary>One in-flight level: its latencies and the requests it created.</summary>
public sealed class AckLevel(int inFlight)
{
    public int InFlight { get; } = inFlight;

    public LatencyStats Commands { get; } = new();

    public LatencyStats Clicks { get; } = new();

    public ConcurrentBag<string> Created { get; } = [];

    public List<ApprovalCard> Cards { get; } = [];
}
