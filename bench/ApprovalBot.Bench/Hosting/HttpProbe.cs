using System.Diagnostics;
using System.Net.Http.Json;

namespace ApprovalBot.Bench.Hosting;

/// <summary>Readiness and stats requests to the children, over loopback.</summary>
public static class HttpProbe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Waits until <paramref name="url"/> answers 200; returns how long that took. Throws naming the child's
    /// log when the child exits or <paramref name="limit"/> passes.
    /// </summary>
    public static async Task<TimeSpan> UntilOkAsync(
        Uri url, ChildProcess child, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The {child.Name} exited; see {child.LogPath}.");
            }

            if (await IsOkAsync(url, cancellationToken))
            {
                return Stopwatch.GetElapsedTime(started);
            }

            await Task.Delay(Poll, cancellationToken);
        }

        throw new TimeoutException(
            $"The {child.Name} was not ready at {url} within {limit}; see {child.LogPath}.");
    }

    public static async Task<T> GetJsonAsync<T>(Uri url, CancellationToken cancellationToken) =>
        await Client.GetFromJsonAsync<T>(url, cancellationToken)
        ?? throw new InvalidOperationException($"{url} answered no JSON.");

    private static async Task<bool> IsOkAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
