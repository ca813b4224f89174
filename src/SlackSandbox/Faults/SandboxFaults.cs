namespace ApprovalBot.SlackSandbox.Faults;

/// <summary>
/// Fault switches for the calls the bot makes. Switches are consulted in the order they were
/// added; each hit counts one down and a spent switch disappears. <see cref="Latency"/> is added
/// to every call (Web API and <c>response_url</c>) until cleared.
/// </summary>
public sealed class SandboxFaults
{
    /// <summary>Matches every Web API method and <c>response_url</c> posts.</summary>
    public const string AllMethods = "*";

    /// <summary>The method name under which <c>response_url</c> posts are recorded and faulted.</summary>
    public const string ResponseUrl = "response_url";

    private readonly Lock _gate = new();
    private readonly List<(SandboxFault Fault, int Remaining)> _switches = [];
    private TimeSpan _latency;

    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    public IReadOnlyList<SandboxFaultSwitch> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _switches.Select(s => new SandboxFaultSwitch(s.Fault, s.Remaining))];
            }
        }
    }

    public void Add(SandboxFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.RetryAfterSeconds, 0);
        if (fault.Kind == SandboxFaultKind.ErrorCode && string.IsNullOrWhiteSpace(fault.Error))
        {
            throw new ArgumentException("An ErrorCode fault needs the error code to return.", nameof(fault));
        }

        lock (_gate)
        {
            _switches.Add((fault, fault.Count));
        }
    }

    public void RateLimit(string method, int count, int retryAfterSeconds) =>
        Add(new SandboxFault(SandboxFaultKind.RateLimited, method, count, retryAfterSeconds));

    public void ReturnError(string method, int count, string error) =>
        Add(new SandboxFault(SandboxFaultKind.ErrorCode, method, count, Error: error));

    public void Fail(SandboxFaultKind kind, string method, int count = 1) =>
        Add(new SandboxFault(kind, method, count));

    /// <summary>Removes every switch and the latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _switches.Clear();
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Counts down the first switch matching <paramref name="method"/> and returns its fault.
    /// </summary>
    internal SandboxFault? Take(string method)
    {
        lock (_gate)
        {
            var index = _switches.FindIndex(s => s.Fault.Method == AllMethods || s.Fault.Method == method);
            if (index < 0)
            {
                return null;
            }

            var (fault, remaining) = _switches[index];
            if (remaining <= 1)
            {
                _switches.RemoveAt(index);
            }
            else
            {
                _switches[index] = (fault, remaining - 1);
            }

            return fault;
        }
    }
}
