using ApprovalBot.Grains;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Api.Commands;

/// <summary>What <c>/approve</c> answers, in the product's words. User text is escaped before it is shown.</summary>
public static class CommandReplies
{
    public const string Usage =
        "*Usage*\n" +
        "• `/approve user@example.com [reason]` asks the approvers to approve that address\n" +
        "• `/approve user@example.com --timeout 2h [reason]` with its own timeout (30m, 2h, 3d)\n" +
        "• `/approve status corr-…` shows a request and its history\n" +
        "• `/approve list` lists your open requests (approvers: every open request)\n" +
        "• `/approve cancel corr-…` withdraws your pending request\n" +
        "• `/approve help` shows this";

    public const string NotConfirmed =
        "Your request could not be confirmed yet: ApprovalBot is not reachable right now. " +
        "Nothing was created that you can rely on. Please try again in a minute; " +
        "running the same command again will not create a duplicate.";

    public const string OtherWorkspace = "This ApprovalBot serves another Slack workspace.";

    public static string Invalid(string problem) => $"{Mrkdwn.Escape(problem)}\n\n{Usage}";

    public static string Submitted(SubmitResult result) => result.Outcome switch
    {
        SubmitOutcome.Created or SubmitOutcome.AlreadyExists =>
            $"Approval request `{result.CorrelationId}` sent to <#{result.ChannelId}>. " +
            $"Approvers have until {Mrkdwn.Date(result.Deadline!.Value)}.",
        SubmitOutcome.Duplicate =>
            $"You already have this approval request pending: `{result.CorrelationId}`. " +
            "It was not created again.",
        SubmitOutcome.TooManyPending =>
            $"You already have {result.Limit} open approval requests, the most allowed. " +
            "Wait for one to be decided, or withdraw one with `/approve cancel corr-…`.",
        _ => Invalid(result.Problem ?? "That request is not valid."),
    };

    public static string Cancelled(string correlationId, CancelResult result) => result.Outcome switch
    {
        CancelOutcome.Cancelled => $"Approval request `{correlationId}` was withdrawn.",
        CancelOutcome.NotRequester => "Only the requester can withdraw that approval request.",
        CancelOutcome.AlreadyClosed => $"Approval request `{correlationId}` is already {Describe(result.Status)}.",
        _ => $"There is no approval request `{correlationId}`.",
    };

    public static string Describe(ApprovalStatus status) => status.ToString().ToLowerInvariant();
}
