using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Puts Slack request verification (https://api.slack.com/authentication/verifying-requests-from-slack) in
/// front of the endpoints Slack calls, and hands handlers the verified raw body.
/// </summary>
public static class SlackVerificationExtensions
{
    /// <summary>
    /// Verifies every POST whose path starts with <paramref name="pathPrefix"/> (for example <c>/slack</c>)
    /// before later middleware or endpoints see it. Requires
    /// <c>services.AddSlackVerification(configuration)</c>.
    /// </summary>
    public static IApplicationBuilder UseSlackVerification(
        this IApplicationBuilder app, PathString pathPrefix)
    {
        if (app.ApplicationServices.GetService<SlackRequestVerifier>() is null)
        {
            throw new InvalidOperationException(
                "UseSlackVerification needs services.AddSlackVerification(configuration) first.");
        }

        return app.UseMiddleware<SlackVerificationMiddleware>(pathPrefix);
    }

    /// <summary>
    /// The raw body of a request that passed Slack verification, exactly as received: parse it with
    /// <c>SlashCommand.TryParse</c> or <c>InteractionPayload.TryParse</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request did not go through verification.</exception>
    public static ReadOnlyMemory<byte> GetVerifiedSlackBody(this HttpContext context) =>
        context.Features.Get<SlackVerifiedBodyFeature>()?.Body
        ?? throw new InvalidOperationException(
            "This request was not verified as coming from Slack; is UseSlackVerification in front of it?");
}
