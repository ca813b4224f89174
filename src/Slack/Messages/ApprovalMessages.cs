using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.Slack.Messages;

/// <summary>
/// Renders the messages of an approval request as Block Kit
/// (https://api.slack.com/reference/block-kit/blocks): the approval message in the approval channel, the
/// requester's notice and ephemeral replies. Every message has a plain-text fallback and stays inside Slack's
/// limits whatever the user typed.
/// </summary>
public static class ApprovalMessages
{
    public const string ApproveActionId = "approve";

    public const string DenyActionId = "deny";

    private const int FallbackBudget = 400;

    /// <summary>
    /// The revision of <paramref name="correlationId"/>'s approval message when <paramref name="message"/> (read
    /// from channel history) is one, else null: its block ids name the request and the revision it shows.
    /// </summary>
    public static int? RevisionOf(HistoryMessage message, string correlationId) =>
        message.BlockIds.Select(id => BlockIds.RevisionIn(id, correlationId)).FirstOrDefault(r => r is not null);

    /// <summary>
    /// The approval message. While pending it carries Approve and Deny buttons (and quorum progress when more
    /// than one approval is needed); once final it shows the outcome and has no buttons. Block ids change
    /// with <see cref="ApprovalCard.Revision"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A pending card's correlation id and callback token cannot form a button value (see
    /// <see cref="ButtonValue.Format"/>); ids the grain creates always can.
    /// </exception>
    public static SlackMessage Render(ApprovalCard card)
    {
        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText(Header(card.Status))) { BlockId = Id(card, "header") },
            new SectionBlock(new MrkdwnText(ApprovalText.Details(card))) { BlockId = Id(card, "details") },
        };
        if (ApprovalText.Outcome(card) is { } outcome)
        {
            blocks.Add(new SectionBlock(new MrkdwnText(outcome)) { BlockId = Id(card, "outcome") });
        }
        else
        {
            if (card.RequiredApprovals > 1)
            {
                blocks.Add(Context(ApprovalText.Quorum(card), Id(card, "quorum")));
            }

            blocks.Add(Buttons(card));
        }

        blocks.Add(Context(ApprovalText.Correlation(card), Id(card, "context")));
        return new SlackMessage(Fallback(card), blocks);
    }

    /// <summary>
    /// What the requester is told: the outcome, who decided and when, and the decision reason.
    /// </summary>
    public static SlackMessage RequesterNotice(ApprovalCard card)
    {
        var sentence = RequesterSentence(card);
        var text = sentence + ApprovalText.DecisionReason(card);
        Block[] blocks =
        [
            new SectionBlock(new MrkdwnText(text)),
            Context(ApprovalText.Correlation(card), blockId: null),
        ];
        // The reason is in the fallback too: it is what a notification shows.
        return new SlackMessage(Mrkdwn.Truncate(text, FallbackBudget), blocks);
    }

    /// <summary>
    /// A short reply only one person sees. <paramref name="mrkdwn"/> is already formatted: escape any user
    /// text in it with <see cref="Mrkdwn.Escape"/> first. Cut to fit one section.
    /// </summary>
    public static SlackMessage Ephemeral(string mrkdwn)
    {
        var text = Mrkdwn.Truncate(mrkdwn, SlackLimits.SectionText);
        return new SlackMessage(text, [new SectionBlock(new MrkdwnText(text))]);
    }

    private static ActionsBlock Buttons(ApprovalCard card)
    {
        var value = ButtonValue.Format(card.CorrelationId, card.CallbackToken);
        return new ActionsBlock(
        [
            new ButtonElement(new PlainText("Approve"), ApproveActionId, value, ButtonStyle.Primary),
            new ButtonElement(new PlainText("Deny"), DenyActionId, value, ButtonStyle.Danger),
        ])
        { BlockId = Id(card, "actions") };
    }

    private static string RequesterSentence(ApprovalCard card)
    {
        var subject = "Your approval request for " + ApprovalText.Email(card);
        var by = ApprovalText.Decider(card) is { } decider ? " by " + Mrkdwn.Mention(decider) : "";
        var at = card.DecidedAt is { } decidedAt ? " at " + Mrkdwn.Date(decidedAt) : "";
        return card.Status switch
        {
            ApprovalCardStatus.Approved => $"{subject} was approved{by}{at}.",
            ApprovalCardStatus.Denied => $"{subject} was denied{by}{at}.",
            ApprovalCardStatus.Expired =>
                $"{subject} expired at {Mrkdwn.Date(card.DecidedAt ?? card.Deadline)} without a decision.",
            ApprovalCardStatus.Cancelled => $"{subject} was cancelled{at}.",
            _ => $"{subject} is waiting for a decision until {Mrkdwn.Date(card.Deadline)}.",
        };
    }

    private static string Fallback(ApprovalCard card)
    {
        var requester = Mrkdwn.Mention(card.RequesterUserId);
        var subject = $"Approval request from {requester} for {ApprovalText.Email(card)}";
        var by = ApprovalText.Decider(card) is { } decider ? " by " + Mrkdwn.Mention(decider) : "";
        var state = card.Status switch
        {
            ApprovalCardStatus.Approved => "approved" + by,
            ApprovalCardStatus.Denied => "denied" + by,
            ApprovalCardStatus.Expired => "expired",
            ApprovalCardStatus.Cancelled => "cancelled",
            _ => "waiting for a decision",
        };
        return Mrkdwn.Truncate($"{subject}: {state}", FallbackBudget);
    }

    private static string Header(ApprovalCardStatus status) => status switch
    {
        ApprovalCardStatus.Approved => "Approval request: approved",
        ApprovalCardStatus.Denied => "Approval request: denied",
        ApprovalCardStatus.Expired => "Approval request: expired",
        ApprovalCardStatus.Cancelled => "Approval request: cancelled",
        _ => "Approval request",
    };

    private static ContextBlock Context(string mrkdwn, string? blockId) =>
        new([new MrkdwnText(mrkdwn)]) { BlockId = blockId };

    private static string Id(ApprovalCard card, string name) =>
        BlockIds.For(card.CorrelationId, card.Revision, name);
}
