using Microsoft.Extensions.Options;

namespace ApprovalBot.SlackSandbox;

/// <summary>
/// Refuses to start without the secrets every Slack exchange needs, naming the missing key.
/// </summary>
public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        Require(failures, options.SigningSecret, nameof(SandboxOptions.SigningSecret));
        Require(failures, options.BotToken, nameof(SandboxOptions.BotToken));
        Require(failures, options.TeamId, nameof(SandboxOptions.TeamId));
        Require(failures, options.ApprovalChannelId, nameof(SandboxOptions.ApprovalChannelId));
        Require(failures, options.GeneralChannelId, nameof(SandboxOptions.GeneralChannelId));

        var users = options.EffectiveUsers();
        if (users.Any(u => string.IsNullOrWhiteSpace(u.Id) || string.IsNullOrWhiteSpace(u.Name)))
        {
            failures.Add($"{SandboxOptions.SectionName}:Users: every user needs an Id and a Name");
        }

        if (users.Select(u => u.Id).Distinct(StringComparer.Ordinal).Count() != users.Count)
        {
            failures.Add($"{SandboxOptions.SectionName}:Users: user ids must be unique");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> is unusable.
    /// </summary>
    public static void ThrowIfInvalid(SandboxOptions options)
    {
        var result = new SandboxOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(
                SandboxOptions.SectionName, typeof(SandboxOptions), result.Failures);
        }
    }

    private static void Require(List<string> failures, string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(
                $"{SandboxOptions.SectionName}:{key} is required "
                + $"(environment variable {SandboxOptions.SectionName}__{key})");
        }
    }
}
