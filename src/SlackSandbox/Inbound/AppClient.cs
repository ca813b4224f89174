using System.Net.Http.Headers;
using System.Text;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// Posts signed requests to the Api, as Slack does, and waits at most Slack's three seconds
/// (on the injected clock) for the answer. The target can be changed while running, because
/// tests often start the Api after the sandbox whose address it needs.
/// </summary>
internal sealed class AppClient(SlackRequestSigner signer, TimeProvider time) : IDisposable
{
    public const string CommandsPath = "slack/commands";
    public const string InteractionsPath = "slack/interactions";
    public const string FormContentType = "application/x-www-form-urlencoded";
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    private readonly HttpClient _shared = new();
    private volatile Target? _target;

    public Uri? BaseUrl => _target?.BaseUrl;

    public void SetTarget(Uri baseUrl, HttpMessageHandler? handler = null)
    {
        var root = new Uri(baseUrl.ToString().TrimEnd('/') + "/");
        var client = handler is null ? _shared : new HttpClient(handler, disposeHandler: false);
        var previous = Interlocked.Exchange(ref _target, new Target(root, client));
        if (previous is not null && previous.Client != _shared)
        {
            previous.Client.Dispose();
        }
    }

    public async Task<SandboxReply> PostAsync(
        string path, string body, string contentType, CancellationToken cancellationToken)
    {
        var target = _target;
        if (target is null)
        {
            return SandboxReply.NotSent("api_base_url_not_set");
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = signer.Sign(bytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.BaseUrl, path));
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestSigner.TimestampHeader, signature.Timestamp);
        request.Headers.Add(SlackRequestSigner.SignatureHeader, signature.Signature);

        using var timeout = new CancellationTokenSource(AnswerTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await target.Client.SendAsync(request, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return new SandboxReply(
                (int)response.StatusCode, text, response.Content.Headers.ContentType?.ToString());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested
            && !cancellationToken.IsCancellationRequested)
        {
            return SandboxReply.NotSent("operation_timeout");
        }
        catch (HttpRequestException)
        {
            return SandboxReply.NotSent("dispatch_failed");
        }
    }

    public void Dispose()
    {
        if (_target is { } target && target.Client != _shared)
        {
            target.Client.Dispose();
        }

        _shared.Dispose();
    }

    private sealed record Target(Uri BaseUrl, HttpClient Client);
}
