using ApprovalBot.Bench.Phases;
using ApprovalBot.Bench.Report;

namespace ApprovalBot.Bench;

/// <summary>Everything one run measured; a measurement that did not run (or failed) stays null.</summary>
public sealed class BenchResults(RunInfo info)
{
    public RunInfo Info { get; } = info;

    public IReadOnlyList<AckLevel>? Ack { get; set; }

    public ThroughputResult? Postgres { get; set; }

    public ThroughputResult? InMemory { get; set; }

    public CeilingResult? Ceiling { get; set; }

    public TimeoutResult? Timeout { get; set; }

    public MemoryResult? Memory { get; set; }

    public RateLimitResult? RateLimited { get; set; }

    /// <summary>Each stack's settings, in the order the stacks ran.</summary>
    public List<(string Stack, IReadOnlyList<(string Key, string Value)> Settings)> Stacks { get; } = [];

    /// <summary>Measurements that threw, with what they threw.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>
    /// Achieved approvals per second over what the database could carry at five commits per approval (the
    /// budget the targets assume).
    /// </summary>
    public double? CeilingRatio => Postgres is { } p && Ceiling is { CommitsPerSecond: > 0 } c
        ? p.ApprovalsPerSecond / (c.CommitsPerSecond / 5)
        : null;
}
