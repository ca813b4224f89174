using ApprovalBot.Slack;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Grains;

/// <summary>Refuses to start with settings that would make approvals unsafe or impossible.</summary>
public sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        var failures = new List<string>();
        if (!options.HasApproverRule)
        {
            failures.Add(
                "No approvers configured: set Approval:Approvers (Slack user ids) or Approval:ApproverGroupId, " +
                "or opt in with Approval:AnyChannelMemberMayApprove=true.");
        }

        var malformed = options.Approvers.Where(id => !SlackIds.LooksLikeUserId(id)).ToList();
        if (malformed.Count > 0)
        {
            failures.Add("Approval:Approvers must hold Slack user ids (U… or W…); not: " +
                string.Join(", ", malformed.Select(id => $"'{id}'")));
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > options.MaxTimeout)
        {
            failures.Add("Approval:Timeout must be positive and at most Approval:MaxTimeout.");
        }

        if (options.RequiredApprovals < 1)
        {
            failures.Add("Approval:RequiredApprovals must be at least 1.");
        }

        if (options.MaxPendingPerRequester < 1)
        {
            failures.Add("Approval:MaxPendingPerRequester must be at least 1.");
        }

        if (options.WatchdogPeriod <= TimeSpan.Zero || options.Retention <= TimeSpan.Zero)
        {
            failures.Add("Approval:WatchdogPeriod and Approval:Retention must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
