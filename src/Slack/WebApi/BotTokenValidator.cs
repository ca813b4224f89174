using Microsoft.Extensions.Options;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Fails start-up without a bot token or with an unusable <c>Slack:ApiBaseUrl</c>
/// (https://api.slack.com/authentication/token-types#bot).
/// </summary>
internal sealed class BotTokenValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add(
                "Slack:BotToken is required: set it to the Bot User OAuth Token (xoxb-…) from the Slack " +
                "app's OAuth & Permissions page (environment: Slack__BotToken).");
        }

        if (SlackWebApiAddress.TryCreate(options.ApiBaseUrl) is null)
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
