using System.Globalization;
using System.Security.Cryptography;

namespace ApprovalBot.SlackSandbox.ResponseUrls;

/// <summary>
/// Issued <c>response_url</c>s and their use: at most <see cref="MaxUses"/> accepted posts
/// within <see cref="Lifetime"/> of issue. A use is reserved before the post is applied and
/// given back if the post is refused, so concurrent posts cannot exceed the limit.
/// </summary>
internal sealed class ResponseUrlRegistry(TimeProvider time)
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ResponseUrlTarget Target, int Uses)> _urls =
        new(StringComparer.Ordinal);
    private long _counter;

    public ResponseUrlTarget Issue(string channelId, string userId, string? messageTs)
    {
        lock (_gate)
        {
            var id = string.Create(
                CultureInfo.InvariantCulture,
                $"{++_counter}-{RandomNumberGenerator.GetHexString(24, lowercase: true)}");
            var target = new ResponseUrlTarget(id, channelId, userId, messageTs, time.GetUtcNow());
            _urls[id] = (target, 0);
            return target;
        }
    }

    /// <summary>
    /// Reserves one use; returns the target, or the error: <c>no_service</c>, <c>expired_url</c>,
    /// <c>used_url</c>.
    /// </summary>
    public (ResponseUrlTarget? Target, string? Error) Reserve(string id)
    {
        lock (_gate)
        {
            if (!_urls.TryGetValue(id, out var entry))
            {
                return (null, "no_service");
            }

            if (time.GetUtcNow() - entry.Target.IssuedAt > Lifetime)
            {
                return (null, "expired_url");
            }

            if (entry.Uses >= MaxUses)
            {
                return (null, "used_url");
            }

            _urls[id] = (entry.Target, entry.Uses + 1);
            return (entry.Target, null);
        }
    }

    public void Release(string id)
    {
        lock (_gate)
        {
            if (_urls.TryGetValue(id, out var entry) && entry.Uses > 0)
            {
                _urls[id] = (entry.Target, entry.Uses - 1);
            }
        }
    }
}
