using System.Collections.Concurrent;
using System.Diagnostics;

namespace ApprovalBot.Api.Tests.Observability;

/// <summary>
/// Records every finished span of ASP.NET Core, HttpClient, Orleans and ApprovalBot in this process (the
/// Api, the silos and the sandbox all run here), the way an in-memory exporter would.
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "System.Net.Http"
                || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
                || source.Name.StartsWith("ApprovalBot", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    /// <summary>The server span of the Api (or sandbox) request to <paramref name="path"/>.</summary>
    public Activity? ServerSpan(string path) =>
        Stopped.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore" && Mentions(a, path));

    /// <summary>The spans of one trace.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) =>
        [.. Stopped.Where(a => a.TraceId == traceId)];

    /// <summary>True when the span's name or its URL tags contain <paramref name="text"/>.</summary>
    public static bool Mentions(Activity activity, string text) =>
        activity.DisplayName.Contains(text, StringComparison.Ordinal)
        || activity.Tags.Any(t => t.Key.StartsWith("url.", StringComparison.Ordinal)
            && t.Value?.Contains(text, StringComparison.Ordinal) == true);

    /// <summary>One line per span of the trace, for failure messages.</summary>
    public string Describe(ActivityTraceId traceId) =>
        string.Join("; ", Trace(traceId).Select(
            a => $"{a.Source.Name} {a.Kind} '{a.DisplayName}' {Urls(a)}"));

    private static string Urls(Activity activity) => string.Join(",",
        activity.Tags.Where(t => t.Key.StartsWith("url.", StringComparison.Ordinal)).Select(t => t.Value));

    public void Dispose() => _listener.Dispose();
}
