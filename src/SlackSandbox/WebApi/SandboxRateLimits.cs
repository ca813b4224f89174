namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// Slack's pace for <c>chat.postMessage</c>: one message per second per channel, beyond which
/// it answers 429 with <c>Retry-After: 1</c>. Can be switched on and off while running.
/// </summary>
public sealed class SandboxRateLimits
{
    /// <summary>The window in which a channel takes one post.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastPost = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private volatile bool _enabled;

    internal SandboxRateLimits(bool enabled, TimeProvider time)
    {
        _enabled = enabled;
        _time = time;
    }

    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>
    /// Takes the channel's slot, or returns false when a post was accepted less than a second ago.
    /// </summary>
    internal bool TryAcquire(string channelId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_enabled && _lastPost.TryGetValue(channelId, out var last) && now - last < Window)
            {
                return false;
            }

            _lastPost[channelId] = now;
            return true;
        }
    }
}
