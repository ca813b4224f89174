using System.Globalization;
using ApprovalBot.Bench.Load;

namespace ApprovalBot.Bench;

/// <summary>Numbers as the console and the report print them (invariant culture, fixed units).</summary>
public static class Format
{
    public static string Ms(double milliseconds) => milliseconds switch
    {
        >= 100 => Invariant($"{milliseconds:F0} ms"),
        >= 10 => Invariant($"{milliseconds:F1} ms"),
        _ => Invariant($"{milliseconds:F2} ms"),
    };

    public static string Seconds(TimeSpan value) => Invariant($"{value.TotalSeconds:F1} s");

    public static string Rate(double perSecond) => Invariant($"{perSecond:F1}/s");

    public static string Number(double value, int decimals = 1) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        >= 1 << 30 => Invariant($"{bytes / (1 << 30):F2} GiB"),
        >= 1 << 20 => Invariant($"{bytes / (1 << 20):F1} MiB"),
        >= 1 << 10 => Invariant($"{bytes / (1 << 10):F2} KiB"),
        _ => Invariant($"{bytes:F0} B"),
    };

    public static string Latency(LatencySummary s) =>
        Invariant($"n={s.Count}, p50 {Ms(s.P50)}, p95 {Ms(s.P95)}, p99 {Ms(s.P99)}, max {Ms(s.Max)}") +
        Invariant($", >3 s: {s.SlowerThanSlackLimit}, non-200: {s.Non200}, not confirmed: {s.NotConfirmed}");

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
