using System.Collections.Concurrent;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// Measurement 1: how fast the Api acknowledges <c>POST /slack/commands</c> and <c>POST /slack/interactions</c>
/// with a fixed number of requests in flight. At each level, that many workers send commands back to back;
/// once every request of every level is posted, the same levels click Approve on them.
/// </summary>
public static class AckLatencyPhase
{
    private static readonly TimeSpan LevelLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PostLimit = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<AckLevel>> RunAsync(
        RunningProduct stack, BenchPlan plan, CardIndex cards, CancellationToken token)
    {
        using var poster = new SlackPoster(stack.Addresses.ApiRoot, BenchContext.SigningSecret);
        var hooks = new HookUrls(stack.Sandbox.BaseUrl);
        await WarmUpAsync(stack, poster, hooks, cards, token);

        var levels = plan.AckLevels.Select(l => new AckLevel(l)).ToList();
        foreach (var level in levels)
        {
            await SendCommandsAsync(stack, plan, poster, hooks, level, token);
            Progress.Say(Invariant($"commands at {level.InFlight} in flight: {Describe(level.Commands)}"));
        }

        var posted = await PostedCardsAsync(levels.SelectMany(l => l.Created), cards, token);
        foreach (var level in levels)
        {
            level.Cards.AddRange(level.Created.Select(posted.GetValueOrDefault).OfType<ApprovalCard>());
            await ClickAsync(poster, hooks, level.Cards, level.InFlight, level.Clicks, token);
            Progress.Say(Invariant($"clicks at {level.InFlight} in flight: {Describe(level.Clicks)}"));
        }

        await Completion.WaitAsync(stack.Sandbox.Workspace, [.. levels.SelectMany(l => l.Cards)], token);
        return levels;
    }

    private static async Task WarmUpAsync(
        RunningProduct stack, SlackPoster poster, HookUrls hooks, CardIndex cards, CancellationToken token)
    {
        var level = new AckLevel(4);
        await ClosedLoop.RunAsync(32, 4, LevelLimit, (i, t) => CommandAsync(stack, poster, hooks, level, "warm", i, t),
            token);
        var posted = await PostedCardsAsync(level.Created, cards, token);
        await ClickAsync(poster, hooks, [.. posted.Values], 4, new LatencyStats(), token);
    }

    private static Task<int> SendCommandsAsync(
        RunningProduct stack, BenchPlan plan, SlackPoster poster, HookUrls hooks, AckLevel level, CancellationToken token) =>
        ClosedLoop.RunAsync(plan.AckRequests(level.InFlight), level.InFlight, LevelLimit,
            (i, t) => CommandAsync(stack, poster, hooks, level, Invariant($"ack{level.InFlight}"), i, t), token);

    private static async Task CommandAsync(
        RunningProduct stack, SlackPoster poster, HookUrls hooks, AckLevel level, string tag, int i, CancellationToken t)
    {
        var requester = BenchUsers.Requester(i % stack.Options.Requesters);
        var text = Invariant($"{tag}-{i}@example.com --timeout 1h acknowledgement {tag}");
        var answer = await poster.PostAsync(
            SlackPoster.CommandsPath, SlackBodies.Command(requester, text, hooks.Next()), t);
        level.Commands.Record(answer);
        if (answer.Status == 200 && WorkspaceOutcomes.CorrelationId().Match(answer.Body) is { Success: true } id)
        {
            level.Created.Add(id.Value);
        }
    }

    public static Task ClickAsync(
        SlackPoster poster, HookUrls hooks, IReadOnlyList<ApprovalCard> cards, int inFlight, LatencyStats stats,
        CancellationToken token) =>
        ClosedLoop.RunAsync(cards.Count, inFlight, LevelLimit, async (i, t) =>
        {
            var body = SlackBodies.Click(cards[i], BenchUsers.Approver(i), hooks.Next());
            stats.Record(await poster.PostAsync(SlackPoster.InteractionsPath, body, t));
        }, token);

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

    private static string Describe(LatencyStats stats) => Format.Latency(stats.Summary());

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
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
