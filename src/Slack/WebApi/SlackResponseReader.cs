using System.Net;
using System.Text.Json;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Classifies a Web API or <c>response_url</c> answer (https://api.slack.com/web#evaluating_responses and
/// https://api.slack.com/apis/rate-limits): 429 is rate limited with its Retry-After, 5xx transient, other
/// non-2xx and <c>ok:false</c> a Slack error never worth retrying.
/// </summary>
internal static class SlackResponseReader
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>The classified result, plus Slack's explanation messages when it sent any.</summary>
    public static async Task<(SlackResult<WebApiResponse> Result, IReadOnlyList<string> Messages)> ReadAsync(
        HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = RetryAfter(response, timeProvider);
            return (Fail(SlackFailureKind.RateLimited, "ratelimited", retryAfter), []);
        }

        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return (Fail(SlackFailureKind.Transient, $"http_{status}"), []);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (Fail(SlackFailureKind.SlackError, ErrorCodeIn(body) ?? $"http_{status}"), []);
        }

        return Parse(body);
    }

    // response_url answers 200 with the plain text "ok"; the Web API always answers JSON.
    private static (SlackResult<WebApiResponse>, IReadOnlyList<string>) Parse(string body)
    {
        if (body.Trim() is "ok" or "")
        {
            return (SlackResult<WebApiResponse>.Ok(new WebApiResponse(true)), []);
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<WebApiResponse>(body, SlackJson.Options);
            var result = parsed switch
            {
                null => Fail(SlackFailureKind.Transient, "invalid_response"),
                { Ok: false } => Fail(SlackFailureKind.SlackError, parsed.Error ?? "unknown_error"),
                _ => SlackResult<WebApiResponse>.Ok(parsed),
            };
            return (result, parsed?.ResponseMetadata?.Messages ?? []);
        }
        catch (JsonException)
        {
            // A 200 that is not Slack's JSON (a proxy page, a cut-off body): the call may have been applied.
            return (Fail(SlackFailureKind.Transient, "invalid_response"), []);
        }
    }

    // Slack answers a spent or expired response_url with a 4xx whose body is a bare code such as used_url.
    private static string? ErrorCodeIn(string body)
    {
        var trimmed = body.Trim();
        return trimmed.Length is > 0 and <= 64 && trimmed.All(c => char.IsAsciiLetterLower(c) || c == '_')
            ? trimmed
            : null;
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date - timeProvider.GetUtcNow()) ?? DefaultRetryAfter;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static SlackResult<WebApiResponse> Fail(
        SlackFailureKind kind, string error, TimeSpan? retryAfter = null) =>
        SlackResult<WebApiResponse>.Fail(new SlackFailure(kind, error, retryAfter));
}
