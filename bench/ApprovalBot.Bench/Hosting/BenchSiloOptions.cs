namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// The <c>Bench</c> section the driver gives its silo child: what differs from a production silo, and why.
/// </summary>
public sealed class BenchSiloOptions
{
    public const string SectionName = "Bench";

    public const string Postgres = "postgres";

    public const string Memory = "memory";

    /// <summary>
    /// <c>postgres</c> (the product's wiring) or <c>memory</c> (grain state and reminders in memory).
    /// </summary>
    public string Storage { get; set; } = Postgres;

    /// <summary>
    /// Short, so idle approval grains deactivate within a measurement rather than after 15 minutes.
    /// </summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Lowered so a short <c>Approval:WatchdogPeriod</c> is accepted for the timeout measurement.
    /// </summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromSeconds(5);
}
