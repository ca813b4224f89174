using ApprovalBot.Slack;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Grains;

/// <summary>A silo cannot post approval requests anywhere without <c>Slack:ApprovalChannelId</c>.</summary>
public sealed class ApprovalChannelValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options) =>
        string.IsNullOrWhiteSpace(options.ApprovalChannelId)
            ? ValidateOptionsResult.Fail(
                "Slack:ApprovalChannelId is required: the id (C… or G…) of the private channel approval requests " +
                "go to (environment: Slack__ApprovalChannelId).")
            : ValidateOptionsResult.Success;
}
