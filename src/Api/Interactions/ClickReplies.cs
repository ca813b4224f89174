using ApprovalBot.Grains;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Api.Interactions;

/// <summary>What a clicker is told, ephemerally, when a click changes nothing or only part of something.</summary>
public static class ClickReplies
{
    public const string NotConfirmed =
        "Your click could not be confirmed: ApprovalBot is not reachable right now. " +
        "Nothing was recorded. Please click again in a minute.";

    public const string Unknown = "This approval request is unknown, or the button was tampered with. Nothing changed.";

    /// <summary>Null when the message rewrite says all there is to say.</summary>
    public static string? For(DecisionResult result) => result.Outcome switch
    {
        DecisionOutcome.Accepted => null,
        DecisionOutcome.RecordedAwaitingMoreApprovals =>
            $"Your approval is counted: {result.Approvals} of {result.RequiredApprovals} needed.",
        DecisionOutcome.AlreadyCounted =>
            $"You already approved this request; it counts once ({result.Approvals} of {result.RequiredApprovals}).",
        DecisionOutcome.AlreadyDecided =>
            $"Already {Status(result.Status)} by {Who(result.DecidedBy)} at {When(result.ClosedAt)}. Nothing changed.",
        DecisionOutcome.Expired => $"This request expired at {When(result.ClosedAt)}. Nothing changed.",
        DecisionOutcome.Cancelled =>
            $"This request was cancelled by its requester at {When(result.ClosedAt)}. Nothing changed.",
        DecisionOutcome.NotAnApprover => "You are not an approver for these requests. Nothing changed.",
        DecisionOutcome.OwnRequest => "You cannot decide your own approval request. Nothing changed.",
        DecisionOutcome.WrongChannel =>
            "Approvals are only accepted from the approval channel. Nothing changed.",
        _ => Unknown,
    };

    private static string Status(ApprovalStatus status) => status.ToString().ToLowerInvariant();

    private static string Who(string? userId) => userId is null ? "someone" : Mrkdwn.Mention(userId);

    private static string When(DateTimeOffset? at) => at is null ? "an earlier time" : Mrkdwn.Date(at.Value);
}
