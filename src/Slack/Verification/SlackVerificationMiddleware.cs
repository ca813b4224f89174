using ApprovalBot.Slack.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Verifies every POST under a path prefix before anything reads it
/// (https://api.slack.com/authentication/verifying-requests-from-slack): 413 over the size limit, an empty
/// 200 for <c>ssl_check=1</c>, 401 with an empty body on any verification failure, otherwise the raw bytes
/// are handed on through <see cref="SlackVerificationExtensions.GetVerifiedSlackBody"/>.
/// </summary>
internal sealed class SlackVerificationMiddleware
{
    private readonly RequestDelegate _next;
    private readonly PathString _pathPrefix;
    private readonly SlackRequestVerifier _verifier;
    private readonly RejectionLogSampler _sampler;
    private readonly ILogger _logger;

    public SlackVerificationMiddleware(
        RequestDelegate next,
        PathString pathPrefix,
        SlackRequestVerifier verifier,
        TimeProvider timeProvider,
        ILogger<SlackVerificationMiddleware> logger)
    {
        _next = next;
        _pathPrefix = pathPrefix;
        _verifier = verifier;
        _sampler = new RejectionLogSampler(timeProvider, RejectionLogSampler.DefaultWindow);
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments(_pathPrefix))
        {
            await _next(context);
            return;
        }

        var body = await SlackBodyReader.ReadAsync(
            request.Body,
            request.ContentLength,
            SlackVerificationLimits.MaxBodyBytes,
            context.RequestAborted);
        if (body is null)
        {
            Reject(context, StatusCodes.Status413PayloadTooLarge,
                SlackVerificationResult.Rejected(SlackRejectionReason.BodyTooLarge));
            return;
        }

        // Slack's ssl_check is unsigned. Answer it and stop, so `ssl_check=1&payload=…` can never smuggle an
        // unverified payload past this point.
        if (SlackForm.TryGetValue(body, "ssl_check", out var sslCheck) && sslCheck == "1")
        {
            _logger.LogDebugSslCheck(request.Path);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return;
        }

        var result = _verifier.VerifyHeaders(request.Headers, body);
        if (!result.IsVerified)
        {
            Reject(context, StatusCodes.Status401Unauthorized, result);
            return;
        }

        if (result.UsedPreviousSecret)
        {
            _logger.LogDebugPreviousSecretUsed(request.Path);
        }

        context.Features.Set(new SlackVerifiedBodyFeature(body));
        request.Body = new MemoryStream(body, writable: false);
        await _next(context);
    }

    private void Reject(HttpContext context, int statusCode, SlackVerificationResult result)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentLength = 0;
        if (_logger.IsEnabled(LogLevel.Warning) && _sampler.ShouldLog(result.Reason, out var suppressed))
        {
            _logger.LogWarningRequestRejected(
                context.Request.Path, statusCode, result.Describe(), suppressed);
        }
    }
}
