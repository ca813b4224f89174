using HdrHistogram;

namespace ApprovalBot.Bench.Load;

/// <summary>
/// Latencies of one kind of request in an HdrHistogram (microseconds, three significant digits), with the
/// counts Slack cares about: answers slower than its 3 seconds and answers that were not HTTP 200.
/// </summary>
public sealed class LatencyStats
{
    public static readonly TimeSpan SlackLimit = TimeSpan.FromSeconds(3);

    private const long HighestMicroseconds = 10 * 60 * 1_000_000L;

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);
    private int _slow;
    private int _failed;
    private int _notConfirmed;

    public void Record(TimeSpan elapsed, int status = 200, bool notConfirmed = false)
    {
        _histogram.RecordValue(Math.Clamp((long)elapsed.TotalMicroseconds, 1, HighestMicroseconds));
        if (elapsed > SlackLimit)
        {
            Interlocked.Increment(ref _slow);
        }

        if (status != 200)
        {
            Interlocked.Increment(ref _failed);
        }

        if (notConfirmed)
        {
            Interlocked.Increment(ref _notConfirmed);
        }
    }

    public void Record(SlackAnswer answer) => Record(answer.Elapsed, answer.Status, answer.NotConfirmed);

    public LatencySummary Summary() => _histogram.TotalCount == 0
        ? LatencySummary.Empty
        : new LatencySummary(
            _histogram.TotalCount,
            Milliseconds(_histogram.GetValueAtPercentile(50)),
            Milliseconds(_histogram.GetValueAtPercentile(95)),
            Milliseconds(_histogram.GetValueAtPercentile(99)),
            Milliseconds(_histogram.GetMaxValue()),
            _slow,
            _failed,
            _notConfirmed);

    /// <summary>
    /// The 99.9th percentile in milliseconds: where a histogram of these latencies can end.
    /// </summary>
    public double P999Ms =>
        _histogram.TotalCount == 0 ? 0 : Milliseconds(_histogram.GetValueAtPercentile(99.9));

    /// <summary>
    /// Counts in equal-width bins from 0 to <paramref name="upperMs"/> (the rest go in the last).
    /// </summary>
    public (double[] UpperMs, double[] Counts) Bins(int count, double upperMs)
    {
        var width = Math.Max(1, upperMs) / count;
        var counts = new double[count];
        foreach (var value in _histogram.RecordedValues())
        {
            var ms = Milliseconds(value.ValueIteratedTo);
            counts[Math.Min(count - 1, (int)(ms / width))] += value.CountAddedInThisIterationStep;
        }

        return ([.. Enumerable.Range(1, count).Select(i => i * width)], counts);
    }

    private static double Milliseconds(long microseconds) => microseconds / 1000.0;
}
