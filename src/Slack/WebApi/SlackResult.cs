using System.Diagnostics.CodeAnalysis;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Why a Slack call did not succeed (https://api.slack.com/web#evaluating_responses and
/// https://api.slack.com/apis/rate-limits); decides whether and when the caller retries.
/// </summary>
public enum SlackFailureKind
{
    /// <summary>Slack answered <c>ok:false</c>; retrying the same call cannot help.</summary>
    SlackError,

    /// <summary>HTTP 429; retry after <see cref="SlackFailure.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>5xx, timeout or connection failure; the call may or may not have been applied.</summary>
    Transient,

    /// <summary>
    /// Refused locally before sending (for example a <c>response_url</c> on a host not allowed).
    /// </summary>
    Refused,
}

/// <summary>
/// A failed Slack call: its kind, Slack's error code when it sent one
/// (https://api.slack.com/web#evaluating_responses), and the delay it asked for.
/// </summary>
public sealed record SlackFailure(SlackFailureKind Kind, string Error, TimeSpan? RetryAfter = null)
{
    /// <summary>True when the same call may succeed later.</summary>
    public bool IsRetryable => Kind is SlackFailureKind.RateLimited or SlackFailureKind.Transient;
}

/// <summary>
/// The outcome of one Slack call (https://api.slack.com/web#evaluating_responses): a value or a
/// <see cref="SlackFailure"/>.
/// </summary>
public sealed record SlackResult<T>
{
    private SlackResult(T? value, SlackFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public SlackFailure? Failure { get; }

    public bool IsOk => Failure is null;

    [SuppressMessage("Design", "CA1000", Justification = "SlackResult<T>.Ok(value) reads best.")]
    public static SlackResult<T> Ok(T value) => new(value, null);

    [SuppressMessage("Design", "CA1000", Justification = "SlackResult<T>.Fail(failure) reads best.")]
    public static SlackResult<T> Fail(SlackFailure failure) => new(default, failure);
}

/// <summary>The empty value of a call that returns nothing of interest.</summary>
public readonly record struct SlackUnit;
