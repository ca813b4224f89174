using System.Globalization;
using ApprovalBot.Bench.Database;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;
using ApprovalBot.Bench.Phases;
using ApprovalBot.Bench.Report;

namespace ApprovalBot.Bench;

/// <summary>
/// One run, top to bottom: a fresh database; the PostgreSQL stack for acknowledgement latency, end-to-end
/// throughput, the database ceiling, timeouts and memory; the in-memory stack; the rate-limited stack; then
/// the report. A measurement that throws is recorded and the run goes on to the next.
/// </summary>
public static class BenchRun
{
    private static readonly string[] PostgresMeasurements = ["ack", "e2e", "ceiling", "timeout", "memory"];

    public static async Task<int> RunAsync(BenchPlan plan, string[] args, CancellationToken token)
    {
        var root = RepoRoot.Find();
        var info = await RunInfo.CollectAsync(root, plan, args);
        var runId = info.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        Progress.Say(
            $"ApprovalBot bench, {plan.Mode} run {runId}, commit {info.Git.Short}, load {info.LoadAtStart}");

        var admin = await PgAdmin.ConnectionStringAsync(root, token);
        await using var database = await BenchDatabase.CreateAsync(admin, token);
        info.Postgres = await PostgresInfo.ReadAsync(database.ConnectionString, token);
        var logs = plan.WritesResults
            ? Path.Combine(root, "bench", "results", "logs", runId)
            : Path.Combine(Path.GetTempPath(), "approvalbot-bench-" + runId);
        Directory.CreateDirectory(logs);
        var wal = WalDump.Locate(new Npgsql.NpgsqlConnectionStringBuilder(admin).Port);
        Progress.Say(wal is null ? "WAL not readable: write transactions will be estimated from rows written"
            : "WAL readable: write transactions and WAL bytes will be counted for the bench database alone");
        var context = new BenchContext(root, runId, logs, database.ConnectionString, database.Oid, wal);
        var results = new BenchResults(info);

        if (PostgresMeasurements.Any(plan.Runs))
        {
            await PostgresStackAsync(context, plan, results, token);
        }

        if (plan.InMemoryRun && plan.Runs("inmemory"))
        {
            await InMemoryStackAsync(context, plan, results, token);
        }

        if (plan.RateLimitedRequests > 0 && plan.Runs("paced"))
        {
            await RateLimitedStackAsync(context, plan, results, token);
        }

        info.FinishedAt = DateTimeOffset.UtcNow;
        info.LoadAtEnd = RunInfo.LoadAverage();
        if (plan.WritesResults)
        {
            var report = await ResultFiles.WriteAsync(root, results, plan);
            Progress.Say($"report: {report}; child logs: {logs}");
        }

        return Finish(results);
    }

    private static async Task PostgresStackAsync(
        BenchContext context, BenchPlan plan, BenchResults results, CancellationToken token)
    {
        var options = new StackOptions
        {
            Name = "pg",
            DefaultTimeout = plan.ShortTimeout,
            CollectionAge = plan.CollectionAge,
            CollectionQuantum = plan.CollectionQuantum,
            ExtraSiloEnvironment = plan.SiloEnvironment,
        };
        await using var stack = await StartAsync(context, options, "PostgreSQL", results, token);
        var db = context.DatabaseConnectionString;
        await using (var cards = new CardIndex(stack.Sandbox.Workspace))
        {
            results.Ack = !plan.Runs("ack") ? null : await TryAsync(results, "acknowledgement latency",
                () => AckLatencyPhase.RunAsync(stack, plan, cards, token));
            results.Postgres = !plan.Runs("e2e") ? null : await TryAsync(results, "end to end (PostgreSQL)",
                () => ThroughputPhase.RunAsync(stack, plan, cards, "PostgreSQL", context, token));
            results.Ceiling = !plan.Runs("ceiling") ? null : await TryAsync(results, "PostgreSQL ceiling",
                () => CeilingPhase.RunAsync(context, plan.EndToEndConcurrency, plan.CeilingDuration, token));
            results.Timeout = !plan.Runs("timeout") ? null : await TryAsync(results, "timeout precision",
                () => TimeoutPhase.RunAsync(stack, plan, cards, token));
        }

        if (plan.WaitingCounts.Count > 0 && plan.Runs("memory"))
        {
            results.Memory = await TryAsync(results, "memory per waiting request",
                () => MemoryPhase.RunAsync(stack, plan, db, token));
        }
    }

    private static async Task InMemoryStackAsync(
        BenchContext context, BenchPlan plan, BenchResults results, CancellationToken token)
    {
        var options = new StackOptions
        {
            Name = "mem",
            Storage = BenchSiloOptions.Memory,
            ExtraSiloEnvironment = plan.SiloEnvironment,
        };
        await using var stack = await StartAsync(context, options, "in-memory storage", results, token);
        await using var cards = new CardIndex(stack.Sandbox.Workspace);
        results.InMemory = await TryAsync(results, "end to end (in memory)", () => ThroughputPhase.RunAsync(
            stack, plan, cards, "in memory", context, token));
    }

    private static async Task RateLimitedStackAsync(
        BenchContext context, BenchPlan plan, BenchResults results, CancellationToken token)
    {
        var options = new StackOptions
        {
            Name = "paced",
            PostsPerSecondPerChannel = 1,
            EnforceRateLimits = true,
            ExtraSiloEnvironment = plan.SiloEnvironment,
        };
        await using var stack = await StartAsync(context, options, "rate-limited", results, token);
        await using var cards = new CardIndex(stack.Sandbox.Workspace);
        results.RateLimited = await TryAsync(results, "rate-limited run",
            () => RateLimitPhase.RunAsync(stack, plan, cards, token));
    }

    private static async Task<RunningProduct> StartAsync(
        BenchContext context, StackOptions options, string title, BenchResults results,
        CancellationToken token)
    {
        Progress.Say($"starting the {title} stack (silo and Api children, sandbox in process)");
        var stack = await RunningProduct.StartAsync(context, options, token);
        results.Stacks.Add((title, options.Describe()));
        return stack;
    }

    private static async Task<T?> TryAsync<T>(
        BenchResults results, string name, Func<Task<T>> measure)
        where T : class
    {
        try
        {
            return await measure();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            results.Failures.Add($"{name} failed: {e.GetType().Name}: {e.Message}");
            Progress.Say($"{name} FAILED: {e}");
            return null;
        }
    }

    private static int Finish(BenchResults results)
    {
        ConsoleSummary.Print(results);
        var problems = Verdict.Problems(results);
        foreach (var problem in problems)
        {
            Console.WriteLine($"PROBLEM: {problem}");
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
