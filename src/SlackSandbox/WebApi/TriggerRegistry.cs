using System.Globalization;
using System.Security.Cryptography;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// Trigger ids issued with commands and clicks: each opens one modal, within three seconds
/// of being issued, for the user it was issued to.
/// </summary>
internal sealed class TriggerRegistry(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string UserId, DateTimeOffset IssuedAt, bool Used)> _triggers =
        new(StringComparer.Ordinal);

    private long _counter;

    public string Issue(string userId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var secret = RandomNumberGenerator.GetHexString(32, lowercase: true);
            var id = string.Create(
                CultureInfo.InvariantCulture, $"{now.ToUnixTimeSeconds()}.{++_counter}.{secret}");
            _triggers[id] = (userId, now, false);
            return id;
        }
    }

    /// <summary>Consumes a trigger id; returns the user it was issued to, or Slack's error code.</summary>
    public (string? UserId, string? Error) Use(string triggerId)
    {
        lock (_gate)
        {
            if (!_triggers.TryGetValue(triggerId, out var trigger))
            {
                return (null, "invalid_trigger_id");
            }

            if (trigger.Used || time.GetUtcNow() - trigger.IssuedAt > Lifetime)
            {
                return (null, "expired_trigger_id");
            }

            _triggers[triggerId] = trigger with { Used = true };
            return (trigger.UserId, null);
        }
    }
}
