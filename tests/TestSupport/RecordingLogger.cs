using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.TestSupport;

/// <summary>
/// A logger that keeps every entry, for asserting on what was (or was not) logged, and lets a test
/// wait for an entry as a signal instead of sleeping.
/// </summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<RecordedLog> _entries = new();
    private readonly Lock _waitersLock = new();
    private readonly List<Waiter> _waiters = [];

    public IReadOnlyList<RecordedLog> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        var entry = new RecordedLog(logLevel, eventId, formatter(state, exception), exception);
        lock (_waitersLock)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                waiter.Signal.TrySetResult(entry);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes with the first entry (already logged or still to come) that matches.</summary>
    public async Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource<RecordedLog>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            if (_entries.FirstOrDefault(match) is { } logged)
            {
                return logged;
            }

            _waiters.Add(new Waiter(match, signal));
        }

        try
        {
            return await signal.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var seen = string.Join(
                Environment.NewLine, Entries.Select(entry => $"  {entry.Level}: {entry.Message}"));
            throw new TimeoutException(
                $"No matching log entry within {timeout}. Logged so far:{Environment.NewLine}{seen}");
        }
    }

    private sealed record Waiter(Func<RecordedLog, bool> Match, TaskCompletionSource<RecordedLog> Signal);
}

/// <summary>One entry written to a <see cref="RecordingLogger"/>.</summary>
public sealed record RecordedLog(LogLevel Level, EventId EventId, string Message, Exception? Exception);
