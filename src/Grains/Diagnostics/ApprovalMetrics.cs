using System.Diagnostics;
using System.Diagnostics.Metrics;
using ApprovalBot.Grains.Approval;

namespace ApprovalBot.Grains.Diagnostics;

/// <summary>The product's metrics (meter <c>ApprovalBot</c>) and the grains' trace source.</summary>
public sealed class ApprovalMetrics : IDisposable
{
    public const string MeterName = "ApprovalBot";
    public static readonly ActivitySource Traces = new("ApprovalBot.Grains");

    private readonly Meter _meter;
    private readonly Counter<long> _created;
    private readonly Counter<long> _decided;
    private readonly Counter<long> _expired;
    private readonly Counter<long> _slackFailures;
    private readonly Histogram<double> _timeToDecision;
    private readonly Histogram<double> _expiryLag;

    public ApprovalMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _created = _meter.CreateCounter<long>("approvalbot.requests.created", "{request}");
        _decided = _meter.CreateCounter<long>("approvalbot.requests.decided", "{request}");
        _expired = _meter.CreateCounter<long>("approvalbot.requests.expired", "{request}");
        _slackFailures = _meter.CreateCounter<long>("approvalbot.slack.call_failures", "{call}");
        _timeToDecision = _meter.CreateHistogram<double>("approvalbot.requests.time_to_decision", "s");
        _expiryLag = _meter.CreateHistogram<double>("approvalbot.requests.expiry_lag", "s");
    }

    public void RequestCreated() => _created.Add(1);

    public void RequestDecided(ApprovalStatus outcome, TimeSpan sinceCreated)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant());
        _decided.Add(1, tag);
        _timeToDecision.Record(sinceCreated.TotalSeconds, tag);
    }

    public void RequestExpired(TimeSpan lag)
    {
        _expired.Add(1);
        _expiryLag.Record(Math.Max(0, lag.TotalSeconds));
    }

    public void SlackCallFailed(SlackCallKind kind, string error) =>
        _slackFailures.Add(1, new("call", kind.ToString()), new("error", error));

    public void Dispose() => _meter.Dispose();
}
