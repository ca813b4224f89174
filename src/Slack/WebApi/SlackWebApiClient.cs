using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using static ApprovalBot.Slack.WebApi.WebApiOutcome;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// <see cref="ISlackWebApi"/> over a typed <see cref="HttpClient"/> (https://api.slack.com/web): JSON bodies,
/// the bot token as a bearer header on Web API calls only, and every outcome classified into a
/// <see cref="SlackResult{T}"/>. The short inline retry of 5xx and timeouts lives in the HTTP pipeline
/// (see <see cref="SlackWebApiResilience"/>); a 429 comes straight back for the caller to schedule.
/// </summary>
public sealed class SlackWebApiClient : ISlackWebApi
{
    private readonly HttpClient _httpClient;
    private readonly IOptions<SlackOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SlackWebApiClient> _logger;

    public SlackWebApiClient(
        HttpClient httpClient,
        IOptions<SlackOptions> options,
        TimeProvider timeProvider,
        ILogger<SlackWebApiClient> logger)
    {
        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<SlackResult<PostedMessage>> PostMessageAsync(
        PostMessageRequest request, CancellationToken cancellationToken = default)
    {
        var message = request.Message;
        var body = new ChatPostMessageBody(
            request.Channel, message.Text, BlocksOf(message), request.ThreadTs);
        var result = await CallAsync("chat.postMessage", Json(body), cancellationToken, replayable: false);
        return Posted(result, request.Channel, "chat.postMessage");
    }

    public async Task<SlackResult<PostedMessage>> UpdateMessageAsync(
        UpdateMessageRequest request, CancellationToken cancellationToken = default)
    {
        var message = request.Message;
        var body = new ChatUpdateBody(request.Channel, request.Ts, message.Text, BlocksOf(message));
        var result = await CallAsync("chat.update", Json(body), cancellationToken);
        return Posted(result, request.Channel, "chat.update");
    }

    public async Task<SlackResult<SlackUnit>> PostEphemeralAsync(
        PostEphemeralRequest request, CancellationToken cancellationToken = default)
    {
        var message = request.Message;
        var body = new ChatPostEphemeralBody(request.Channel, request.User, message.Text, BlocksOf(message));
        return Unit(await CallAsync("chat.postEphemeral", Json(body), cancellationToken, replayable: false));
    }

    public async Task<SlackResult<SlackUnit>> OpenViewAsync(
        OpenViewRequest request, CancellationToken cancellationToken = default)
    {
        var body = new ViewsOpenBody(request.TriggerId, request.View);
        return Unit(await CallAsync("views.open", Json(body), cancellationToken));
    }

    // A read method like usergroups.users.list below: arguments go as form fields.
    public async Task<SlackResult<HistoryPage>> ReadHistoryAsync(
        HistoryRequest request, CancellationToken cancellationToken = default)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("channel", request.Channel),
            new("limit", request.Limit.ToString(CultureInfo.InvariantCulture)),
            new("inclusive", "true"),
        ];
        if (request.Oldest is not null)
        {
            fields.Add(new("oldest", request.Oldest));
        }

        if (request.Cursor is not null)
        {
            fields.Add(new("cursor", request.Cursor));
        }

        var result = await CallAsync("conversations.history", new FormUrlEncodedContent(fields), cancellationToken);
        if (result.Failure is { } failure)
        {
            return SlackResult<HistoryPage>.Fail(failure);
        }

        var messages = (result.Value?.Messages ?? []).Select(m => new HistoryMessage(
            m.Ts, [.. (m.Blocks ?? []).Select(b => b.BlockId).OfType<string>()]));
        var cursor = result.Value?.ResponseMetadata?.NextCursor;
        var next = string.IsNullOrEmpty(cursor) ? null : cursor;
        return SlackResult<HistoryPage>.Ok(new HistoryPage([.. messages], next));
    }

    // usergroups.users.list is a read method, and Slack reads arguments of read methods from form fields
    // only (https://api.slack.com/web#posting_json covers write methods), so this one call is form-encoded.
    public async Task<SlackResult<IReadOnlyList<string>>> ListUserGroupMembersAsync(
        string userGroupId, CancellationToken cancellationToken = default)
    {
        var form = new FormUrlEncodedContent([new("usergroup", userGroupId)]);
        var result = await CallAsync("usergroups.users.list", form, cancellationToken);
        return result.Failure is { } failure
            ? SlackResult<IReadOnlyList<string>>.Fail(failure)
            : SlackResult<IReadOnlyList<string>>.Ok(result.Value?.Users ?? []);
    }

    public async Task<SlackResult<SlackUnit>> PostToResponseUrlAsync(
        string responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default)
    {
        var allowedHosts = _options.Value.EffectiveResponseUrlHosts;
        if (!ResponseUrlPolicy.IsAllowed(responseUrl, allowedHosts, out var uri, out var reason))
        {
            _logger.LogWarningResponseUrlRefused(HostOf(responseUrl), reason);
            var refusal = new SlackFailure(SlackFailureKind.Refused, "response_url_not_allowed");
            return SlackResult<SlackUnit>.Fail(refusal);
        }

        var body = new ResponseUrlBody(
            message.Message.Text,
            BlocksOf(message.Message),
            message.Ephemeral ? "ephemeral" : "in_channel",
            message.ReplaceOriginal);
        return Unit(await SendAsync(
            "response_url", uri, Json(body), bearer: false, replayable: false, cancellationToken));
    }

    private Task<SlackResult<WebApiResponse>> CallAsync(
        string method, HttpContent content, CancellationToken cancellationToken, bool replayable = true) =>
        SendAsync(method, new Uri(method, UriKind.Relative), content, bearer: true, replayable, cancellationToken);

    private async Task<SlackResult<WebApiResponse>> SendAsync(
        string method, Uri uri, HttpContent content, bool bearer, bool replayable, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        if (!replayable)
        {
            SlackWebApiResilience.MarkNotReplayable(request);
        }

        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Value.BotToken);
        }

        var (result, messages) = await SendClassifiedAsync(request, cancellationToken);
        if (result.Failure is { } failure && _logger.IsEnabled(LogLevel.Debug))
        {
            var retryAfter = failure.RetryAfter?.TotalSeconds;
            var details = string.Join("; ", messages);
            _logger.LogDebugCallFailed(method, failure.Kind, failure.Error, retryAfter, details);
        }

        return result;
    }

    private async Task<(SlackResult<WebApiResponse>, IReadOnlyList<string>)> SendClassifiedAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _httpClient.SendAsync(request, cancellationToken);
            return await SlackResponseReader.ReadAsync(response, _timeProvider, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return (Transient("timeout"), []);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Transient("timeout"), []);
        }
        catch (HttpRequestException)
        {
            return (Transient("connection_failed"), []);
        }
    }

    private static string HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "(not a URL)";
}
