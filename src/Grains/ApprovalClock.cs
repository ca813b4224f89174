namespace ApprovalBot.Grains;

/// <summary>
/// The keyed-service name of the clock approval grains read. Kept apart from Orleans' own clocks so tests can move
/// approval time (and the reminder service's clock) without moving membership and messaging timeouts.
/// </summary>
public static class ApprovalClock
{
    public const string ServiceKey = "ApprovalBot.Approvals";
}
