namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Lets through at most one rejection log line per reason per window and counts the rest, so a flood of
/// forged requests cannot flood the log. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RejectionLogSampler(TimeProvider timeProvider, TimeSpan window)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<SlackRejectionReason, Slot> _slots = [];

    /// <summary>
    /// True when a line for <paramref name="reason"/> may be written now; <paramref name="suppressed"/> is
    /// how many were held back since the last one.
    /// </summary>
    public bool ShouldLog(SlackRejectionReason reason, out int suppressed)
    {
        var now = timeProvider.GetTimestamp();
        lock (_lock)
        {
            var known = _slots.TryGetValue(reason, out var slot);
            if (known && timeProvider.GetElapsedTime(slot.LoggedAt, now) < window)
            {
                _slots[reason] = slot with { Suppressed = slot.Suppressed + 1 };
                suppressed = 0;
                return false;
            }

            suppressed = slot.Suppressed;
            _slots[reason] = new Slot(now, 0);
            return true;
        }
    }

    private readonly record struct Slot(long LoggedAt, int Suppressed);
}
