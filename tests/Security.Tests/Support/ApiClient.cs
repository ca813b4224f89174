using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ApprovalBot.Slack.Verification;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Security.Tests.Support;

/// <summary>
/// Sends the Api requests the way an attacker on the network could: any body, any headers, signed with any
/// secret at any timestamp. Talks only to the Api under test on 127.0.0.1.
/// </summary>
public sealed class ApiClient(Uri apiBaseUrl, TimeProvider time) : IDisposable
{
    public const string CommandsPath = "slack/commands";
    public const string InteractionsPath = "slack/interactions";
    public const string FormType = "application/x-www-form-urlencoded";

    private readonly HttpClient _http = new() { BaseAddress = apiBaseUrl };

    public Uri BaseUrl => apiBaseUrl;

    /// <summary>The Api's clock (shared with the sandbox and silos), in Unix seconds.</summary>
    public long Now => time.GetUtcNow().ToUnixTimeSeconds();

    public static string Text(long unixSeconds) => unixSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The header Slack would send for <paramref name="body"/> at <paramref name="timestamp"/>.
    /// </summary>
    public static string Sign(string body, string timestamp, string secret = ProductHarness.SigningSecret) =>
        SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// Signed with the right secret, <paramref name="skewSeconds"/> away from the Api's clock.
    /// </summary>
    public Task<ApiReply> SignedAsync(
        string path, string body, long skewSeconds = 0, string contentType = FormType)
    {
        var timestamp = Text(Now + skewSeconds);
        return PostAsync(path, body, contentType, timestamp, Sign(body, timestamp));
    }

    /// <summary>Any body with the given signing headers; a null header is left out.</summary>
    public Task<ApiReply> PostAsync(
        string path, string body, string? contentType, string? timestamp, string? signature) =>
        PostAsync(path, Encoding.UTF8.GetBytes(body), contentType, timestamp, signature);

    public async Task<ApiReply> PostAsync(
        string path, byte[] body, string? contentType, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        return await SendAsync(request, contentType, timestamp, signature);
    }

    /// <summary>
    /// A body sent chunked, with no Content-Length, so its size is only known by reading it.
    /// </summary>
    public async Task<ApiReply> PostChunkedAsync(string path, byte[] body, string timestamp, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StreamContent(new MemoryStream(body)),
        };
        request.Headers.TransferEncodingChunked = true;
        return await SendAsync(request, FormType, timestamp, signature);
    }

    public async Task<ApiReply> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return new ApiReply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();

    private async Task<ApiReply> SendAsync(
        HttpRequestMessage request, string? contentType, string? timestamp, string? signature)
    {
        if (contentType is not null)
        {
            request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation(SlackHeaders.RequestTimestamp, timestamp);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SlackHeaders.Signature, signature);
        }

        using var response = await _http.SendAsync(request);
        return new ApiReply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
