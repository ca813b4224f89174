using System.Globalization;

namespace ApprovalBot.Bench.Phases;

/// <summary>
/// <c>response_url</c>s for requests the bench signs itself. They point at the sandbox, an allowed host, but
/// were never issued by it, so a notice sent there is refused (404) and the product falls back to a direct
/// message, as it does when a real <c>response_url</c> has expired.
/// </summary>
public sealed class HookUrls(Uri sandboxRoot)
{
    private int _next;

    public string Next() => new Uri(sandboxRoot, string.Create(
        CultureInfo.InvariantCulture, $"response/bench-{Interlocked.Increment(ref _next)}")).ToString();
}
