using System.Diagnostics;
using Orleans.Reminders.Diagnostics;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// Listens to Orleans' reminder events in the silo child: when the reminder service finished its first read
/// of the reminder table (it starts in the background, after the silo is already ready), and how many
/// reminders are held in memory with a timer (only those due within the loading window are).
/// </summary>
public sealed class ReminderWatch :
    IObserver<ReminderEvents.ReminderServiceEvent>, IObserver<ReminderEvents.ReminderEvent>
{
    private readonly long _processStart = Stopwatch.GetTimestamp();
    private long _serviceStartedTicks = -1;
    private long _localReminders;

    /// <summary>
    /// Time from this process's start until the reminder service had loaded the table; null before.
    /// </summary>
    public TimeSpan? ServiceStartedAfter =>
        Interlocked.Read(ref _serviceStartedTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Reminders with a local timer right now (started minus stopped).</summary>
    public long LocalReminders => Interlocked.Read(ref _localReminders);

    public static ReminderWatch Subscribe()
    {
        var watch = new ReminderWatch();
        ReminderEvents.ServiceEvents.Subscribe(watch);
        ReminderEvents.AllEvents.Subscribe(watch);
        return watch;
    }

    public void OnNext(ReminderEvents.ReminderServiceEvent value)
    {
        if (value is ReminderEvents.ReminderServiceStarted)
        {
            var elapsed = Stopwatch.GetElapsedTime(_processStart).Ticks;
            Interlocked.CompareExchange(ref _serviceStartedTicks, elapsed, -1);
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value is ReminderEvents.LocalReminderStarted)
        {
            Interlocked.Increment(ref _localReminders);
        }
        else if (value is ReminderEvents.LocalReminderStopped)
        {
            Interlocked.Decrement(ref _localReminders);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
