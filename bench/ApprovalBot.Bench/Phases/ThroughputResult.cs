using ApprovalBot.Bench.Database;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// One end-to-end run. <see cref="ApprovalsPerSecond"/> is completed approvals over the time from the first
/// command to the last completion, so a backlog still draining after the load stopped counts against it.
/// </summary>
public sealed record ThroughputResult(
    string Variant,
    int InFlight,
    TimeSpan LoadTime,
    int Clicked,
    int Completed,
    int Failed,
    double ApprovalsPerSecond,
    LatencySummary ClickToRewrite,
    LatencySummary CommandToPost,
    LatencySummary CommandAck,
    LatencySummary ClickAck,
    double[] CompletionsPerSecond,
    DbDelta Db,
    DbCost Cost,
    CpuUse Cpu)
{
    /// <summary>CPU milliseconds per completed approval, per process group.</summary>
    public IReadOnlyDictionary<string, double> CpuMsPerApproval =>
        Cpu.Seconds.ToDictionary(p => p.Key, p => Completed == 0 ? 0 : p.Value * 1000 / Completed);

    /// <summary>
    /// Approvals clicked whose message was not rewritten, or whose requester was not told, in time.
    /// </summary>
    public int Incomplete => Clicked - Completed;
}
