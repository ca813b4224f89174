using Microsoft.Extensions.Options;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Fails start-up without a signing secret: verification must never be skipped
/// (https://api.slack.com/authentication/verifying-requests-from-slack).
/// </summary>
internal sealed class SigningSecretValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options) =>
        string.IsNullOrWhiteSpace(options.SigningSecret)
            ? ValidateOptionsResult.Fail(
                "Slack:SigningSecret is required: set it to the Signing Secret on the Slack app's " +
                "Basic Information page (environment: Slack__SigningSecret).")
            : ValidateOptionsResult.Success;
}
