namespace ApprovalBot.Bench.Load;

/// <summary>Percentiles in milliseconds and the failure counts of one latency measurement.</summary>
public sealed record LatencySummary(
    long Count,
    double P50,
    double P95,
    double P99,
    double Max,
    int SlowerThanSlackLimit,
    int Non200,
    int NotConfirmed)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
