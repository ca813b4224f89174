using System.Diagnostics;
using ApprovalBot.Grains.Diagnostics;

namespace ApprovalBot.Grains.Approval;

/// <summary>
/// Keeps the grain's Slack calls in the trace of the Slack request that caused them. They are sent from
/// timer turns, which Orleans starts without the trace of the turn that registered the timer, so that turn
/// remembers its trace and the timer turn continues it.
/// </summary>
public sealed partial class ApprovalGrain
{
    private ActivityContext _outboxTrace;

    private void RememberOutboxTrace() => _outboxTrace = Activity.Current?.Context ?? default;

    /// <summary>
    /// A span for one round of Slack calls; with no remembered trace it joins the current one, if any.
    /// </summary>
    private Activity? StartOutboxActivity() =>
        ApprovalMetrics.Traces.StartActivity("approval slack calls", ActivityKind.Internal, _outboxTrace);
}
