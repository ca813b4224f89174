using System.Globalization;

namespace ApprovalBot.Bench.Hosting;

/// <summary>How one product stack (sandbox, silo, Api) is configured for a group of measurements.</summary>
public sealed record StackOptions
{
    /// <summary>Names the stack's cluster, service id and log files.</summary>
    public required string Name { get; init; }

    public string Storage { get; init; } = BenchSiloOptions.Postgres;

    /// <summary><c>Approval:Timeout</c>: requests sent without <c>--timeout</c> expire after this.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan WatchdogPeriod { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MinimumReminderPeriod { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan CollectionAge { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan CollectionQuantum { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>Slack:PostsPerSecondPerChannel</c>; 0 leaves posting unpaced.</summary>
    public double PostsPerSecondPerChannel { get; init; }

    /// <summary>
    /// Whether the sandbox refuses a second post to a channel within a second, as Slack does.
    /// </summary>
    public bool EnforceRateLimits { get; init; }

    /// <summary>Settings added to the silo's environment last, so they win (<c>--silo-env</c>).</summary>
    public IReadOnlyList<(string Key, string Value)> ExtraSiloEnvironment { get; init; } = [];

    /// <summary>Sandbox users who send requests (besides Alice, Bob, Carol and Dave).</summary>
    public int Requesters { get; init; } = 256;

    /// <summary>The settings as the report lists them.</summary>
    public IReadOnlyList<(string Key, string Value)> Describe() =>
    [
        ("silo storage and reminders",
            Storage == BenchSiloOptions.Memory ? "in memory" : "PostgreSQL (ADO.NET)"),
        ("Approval:Timeout", Format(DefaultTimeout)),
        ("Approval:WatchdogPeriod", Format(WatchdogPeriod)),
        ("ReminderOptions.MinimumReminderPeriod", Format(MinimumReminderPeriod)),
        ("GrainCollectionOptions.CollectionAge / CollectionQuantum",
            $"{Format(CollectionAge)} / {Format(CollectionQuantum)}"),
        ("Slack:PostsPerSecondPerChannel", PostsPerSecondPerChannel.ToString(CultureInfo.InvariantCulture)),
        ("sandbox EnforceRateLimits", EnforceRateLimits ? "true" : "false"),
        .. ExtraSiloEnvironment.Select(e => ("silo environment " + e.Key, e.Value)),
    ];

    public static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
