using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ApprovalBot.Slack.Verification;

namespace ApprovalBot.Bench.Load;

/// <summary>
/// Posts form bodies to the Api as Slack does, signed with <see cref="SlackSignature.Compute"/>, over as many
/// connections as requests in flight. Only the HTTP exchange is timed, not the signing (Slack's side).
/// </summary>
public sealed class SlackPoster : IDisposable
{
    public const string CommandsPath = "slack/commands";
    public const string InteractionsPath = "slack/interactions";

    /// <summary>Far beyond Slack's 3 seconds, so a slow answer is measured rather than cut off.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly string _signingSecret;

    public SlackPoster(Uri apiRoot, string signingSecret)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        };
        _http = new HttpClient(handler) { BaseAddress = apiRoot, Timeout = Patience };
        _signingSecret = signingSecret;
    }

    public async Task<SlackAnswer> PostAsync(
        string path, string formBody, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(formBody);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(_signingSecret, timestamp, bytes));

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new SlackAnswer((int)response.StatusCode, body, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            return new SlackAnswer(0, e.Message, Stopwatch.GetElapsedTime(started));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SlackAnswer(0, "no answer", Stopwatch.GetElapsedTime(started));
        }
    }

    public void Dispose() => _http.Dispose();
}
