using System.Globalization;
using System.Text;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Messages;

/// <summary>
/// The mrkdwn pieces of approval messages (https://api.slack.com/reference/surfaces/formatting). Every
/// user-supplied text is escaped and cut here, with budgets that keep each section under 3000 characters
/// and a whole message far under 12,000.
/// </summary>
internal static class ApprovalText
{
    public const int EmailBudget = 320;
    public const int ReasonBudget = 1500;
    public const int CorrelationBudget = 200;
    private const int ListedApprovers = 10;

    public static string Details(ApprovalCard card)
    {
        var reason = UserText.Quote(card.Reason, ReasonBudget);
        return new StringBuilder()
            .Append("*Requester:* ").Append(Mrkdwn.Mention(card.RequesterUserId))
            .Append("\n*Email:* ").Append(Email(card))
            .Append("\n*Reason:*").Append(reason.Length == 0 ? " _none given_" : "\n" + reason)
            .Append("\n*Requested:* ").Append(Mrkdwn.Date(card.CreatedAt))
            .Append("\n*Deadline:* ").Append(Mrkdwn.Date(card.Deadline))
            .ToString();
    }

    public static string Email(ApprovalCard card) => UserText.Line(card.Email, EmailBudget);

    public static string Correlation(ApprovalCard card) =>
        "Correlation id: " + UserText.Line(card.CorrelationId, CorrelationBudget);

    public static string Quorum(ApprovalCard card)
    {
        var progress = string.Create(
            CultureInfo.InvariantCulture, $"{card.Approvals.Count} of {card.RequiredApprovals} approvals");
        return card.Approvals.Count == 0 ? progress : $"{progress}: {Approvers(card)}";
    }

    /// <summary>What happened, by whom and when; null while the request is pending.</summary>
    public static string? Outcome(ApprovalCard card)
    {
        var by = Decider(card) is { } decider ? " by " + Mrkdwn.Mention(decider) : "";
        var at = card.DecidedAt ?? (card.Status == ApprovalCardStatus.Expired ? card.Deadline : null);
        var when = at is { } time ? " at " + Mrkdwn.Date(time) : "";
        var outcome = card.Status switch
        {
            ApprovalCardStatus.Approved => $"*Approved*{by}{when}",
            ApprovalCardStatus.Denied => $"*Denied*{by}{when}",
            ApprovalCardStatus.Expired => $"*Expired*{when}: no decision before the deadline",
            ApprovalCardStatus.Cancelled => $"*Cancelled*{by}{when}",
            _ => null,
        };
        if (outcome is null)
        {
            return null;
        }

        var approvals = card.Status == ApprovalCardStatus.Approved && card.Approvals.Count > 1
            ? "\n*Approvals:* " + Approvers(card)
            : "";
        return outcome + approvals + DecisionReason(card);
    }

    public static string DecisionReason(ApprovalCard card)
    {
        var quoted = UserText.Quote(card.DecisionReason, ReasonBudget);
        return quoted.Length == 0 ? "" : "\n*Decision reason:*\n" + quoted;
    }

    public static string? Decider(ApprovalCard card) =>
        card.DecidedBy
        ?? (card.Status == ApprovalCardStatus.Approved && card.Approvals.Count > 0
            ? card.Approvals[^1].ApproverUserId
            : null);

    private static string Approvers(ApprovalCard card)
    {
        var listed = string.Join(
            ", ", card.Approvals.Take(ListedApprovers).Select(a => Mrkdwn.Mention(a.ApproverUserId)));
        var more = card.Approvals.Count - ListedApprovers;
        return more > 0 ? string.Create(CultureInfo.InvariantCulture, $"{listed} and {more} more") : listed;
    }
}
