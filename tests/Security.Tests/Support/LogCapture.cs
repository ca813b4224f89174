using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Security.Tests.Support;

/// <summary>
/// A logging provider that keeps every entry of every category, for asserting on what a host wrote at any
/// level. Added with a filter of its own so the host's other providers keep their usual level.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>Every entry so far, in the order written.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>How many entries there are now: pass it to <see cref="Since"/> later.</summary>
    public int Mark => _entries.Count;

    /// <summary>Entries written after <paramref name="mark"/>.</summary>
    public IReadOnlyList<CapturedLog> Since(int mark) => [.. _entries.Skip(mark)];

    /// <summary>
    /// Adds this provider to <paramref name="logging"/>, recording from <paramref name="level"/> up.
    /// </summary>
    public void AddTo(ILoggingBuilder logging, LogLevel level) =>
        logging.AddProvider(this).AddFilter<LogCapture>(null, level);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(
                new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

/// <summary>One entry a <see cref="LogCapture"/> recorded.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, int EventId, string Message, Exception? Exception)
{
    /// <summary>Everything of the entry a reader of the log would see, the exception included.</summary>
    public string FullText => Exception is null ? Message : Message + Environment.NewLine + Exception;

    /// <summary>Written by our own code rather than by ASP.NET Core, Orleans or the HTTP client.</summary>
    public bool IsOurs => Category.StartsWith("ApprovalBot", StringComparison.Ordinal);

    public override string ToString() => $"{Level} {Category}[{EventId}]: {Message}";
}
