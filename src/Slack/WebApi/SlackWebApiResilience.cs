using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The inline retry of Web API calls (https://api.slack.com/apis/rate-limits): one retry after a short pause
/// for a 5xx, a timeout or a failed connection, all inside a 2-second budget. A 429 is never retried here and
/// its Retry-After is never waited out: callers schedule that retry durably, so a grain turn never sleeps.
/// Requests that create a message are not replayed after an answer that leaves their effect unknown.
/// </summary>
internal static class SlackWebApiResilience
{
    public const string PipelineName = "slack-web-api";

    public static readonly TimeSpan TotalBudget = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(1500);

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline
            .AddTimeout(TotalBudget)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 1,
                Delay = RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldRetryAfterHeader = false,
                ShouldHandle = static args => ValueTask.FromResult(
                    IsReplayable(args.Context.GetRequestMessage())
                        ? IsTransient(args.Outcome)
                        : NeverReachedSlack(args.Outcome)),
            })
            .AddTimeout(AttemptTimeout);
    }

    /// <summary>
    /// Marks a request that creates a message. A 5xx or a timeout does not say whether Slack created it, so such a
    /// request is sent again inline only when its connection was never made; the caller decides the rest (the
    /// approval grain looks for the message in the channel's history before posting it again).
    /// </summary>
    public static void MarkNotReplayable(HttpRequestMessage request) => request.Options.Set(NotReplayable, true);

    private static readonly HttpRequestOptionsKey<bool> NotReplayable = new("ApprovalBot.Slack.NotReplayable");

    private static bool IsReplayable(HttpRequestMessage? request) =>
        request is null || !request.Options.TryGetValue(NotReplayable, out var notReplayable) || !notReplayable;

    private static bool NeverReachedSlack(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => false,
        { Result.StatusCode: HttpStatusCode.RequestTimeout } => true,
        { Result.StatusCode: var status } => (int)status >= 500,
        _ => false,
    };
}
