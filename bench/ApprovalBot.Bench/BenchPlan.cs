namespace ApprovalBot.Bench;

/// <summary>
/// How big a run is. <c>--smoke</c> checks the product works end to end in seconds; <c>--quick</c> runs every
/// measurement small (about two minutes); <c>--full</c> runs them at the sizes the targets are stated for.
/// </summary>
public sealed record BenchPlan
{
    public required string Mode { get; init; }

    /// <summary>In-flight levels of the acknowledgement measurement.</summary>
    public required IReadOnlyList<int> AckLevels { get; init; }

    /// <summary>
    /// Commands (and as many clicks) sent at each level: a few rounds of the level, at least this.
    /// </summary>
    public required int AckMinimumPerLevel { get; init; }

    public required int AckRoundsPerLevel { get; init; }

    /// <summary>Approvals in flight during the end-to-end measurement and the database ceiling.</summary>
    public required int EndToEndConcurrency { get; init; }

    public required TimeSpan EndToEndDuration { get; init; }

    public required TimeSpan CeilingDuration { get; init; }

    /// <summary>The end-to-end run repeated with in-memory grain storage and reminders.</summary>
    public required bool InMemoryRun { get; init; }

    public required int TimeoutRequests { get; init; }

    public required TimeSpan ShortTimeout { get; init; }

    /// <summary>
    /// Waiting requests after each memory step (cumulative); empty skips the memory measurement.
    /// </summary>
    public required IReadOnlyList<int> WaitingCounts { get; init; }

    public required TimeSpan CollectionAge { get; init; }

    public required TimeSpan CollectionQuantum { get; init; }

    /// <summary>Requests posted with Slack's per-channel pace enforced; 0 skips that run.</summary>
    public required int RateLimitedRequests { get; init; }

    /// <summary>Whether the run writes bench/results (and, for a full run, bench/README.md).</summary>
    public required bool WritesResults { get; init; }

    public static BenchPlan Smoke { get; } = new()
    {
        Mode = "smoke",
        AckLevels = [1, 16],
        AckMinimumPerLevel = 16,
        AckRoundsPerLevel = 2,
        EndToEndConcurrency = 16,
        EndToEndDuration = TimeSpan.FromSeconds(3),
        CeilingDuration = TimeSpan.FromSeconds(2),
        InMemoryRun = false,
        TimeoutRequests = 16,
        ShortTimeout = TimeSpan.FromSeconds(5),
        WaitingCounts = [],
        CollectionAge = TimeSpan.FromSeconds(20),
        CollectionQuantum = TimeSpan.FromSeconds(5),
        RateLimitedRequests = 0,
        WritesResults = false,
    };

    public static BenchPlan Quick { get; } = Smoke with
    {
        Mode = "quick",
        AckLevels = [1, 16, 64, 256],
        AckMinimumPerLevel = 40,
        AckRoundsPerLevel = 2,
        EndToEndConcurrency = 64,
        EndToEndDuration = TimeSpan.FromSeconds(8),
        CeilingDuration = TimeSpan.FromSeconds(4),
        InMemoryRun = true,
        TimeoutRequests = 60,
        ShortTimeout = TimeSpan.FromSeconds(8),
        WaitingCounts = [600],
        CollectionAge = TimeSpan.FromSeconds(6),
        CollectionQuantum = TimeSpan.FromSeconds(2),
        RateLimitedRequests = 5,
        WritesResults = true,
    };

    public static BenchPlan Full { get; } = Quick with
    {
        Mode = "full",
        AckMinimumPerLevel = 300,
        AckRoundsPerLevel = 16,
        EndToEndDuration = TimeSpan.FromSeconds(60),
        CeilingDuration = TimeSpan.FromSeconds(30),
        TimeoutRequests = 2_000,
        ShortTimeout = TimeSpan.FromSeconds(30),
        WaitingCounts = [10_000, 100_000],
        CollectionAge = TimeSpan.FromMinutes(1),
        CollectionQuantum = TimeSpan.FromSeconds(15),
        RateLimitedRequests = 60,
    };

    /// <summary>
    /// The measurements to run (<c>--only ack,e2e,ceiling,timeout,memory,inmemory,paced</c>); empty runs all
    /// of the mode's.
    /// </summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Extra settings for every silo child (<c>--silo-env KEY=VALUE</c>), for experiments.</summary>
    public IReadOnlyList<(string Key, string Value)> SiloEnvironment { get; init; } = [];

    /// <summary>Whether this run is a whole mode's run, the kind bench/README.md reports.</summary>
    public bool IsComplete => Only.Count == 0 && SiloEnvironment.Count == 0;

    /// <summary>The name results are filed under: the mode, and what a partial run ran or changed.</summary>
    public string FileName => IsComplete ? Mode : $"{Mode}-experiment";

    public bool Runs(string measurement) => Only.Count == 0 || Only.Contains(measurement);

    public int AckRequests(int level) => Math.Max(AckMinimumPerLevel, level * AckRoundsPerLevel);

    public static BenchPlan? FromArguments(IReadOnlyList<string> args)
    {
        var plan = args.Contains("--full") ? Full
            : args.Contains("--quick") ? Quick
            : args.Contains("--smoke") ? Smoke
            : null;
        return plan is null ? null : plan with
        {
            Only = Values(args, "--only").SelectMany(v => v.Split(',')).ToHashSet(StringComparer.Ordinal),
            SiloEnvironment = [.. Values(args, "--silo-env").Select(v => v.Split('=', 2))
                .Where(p => p.Length == 2).Select(p => (p[0], p[1]))],
        };
    }

    private static IEnumerable<string> Values(IReadOnlyList<string> args, string flag) =>
        args.Select((arg, i) => (arg, i)).Where(a => a.arg == flag && a.i + 1 < args.Count)
            .Select(a => args[a.i + 1]);
}
