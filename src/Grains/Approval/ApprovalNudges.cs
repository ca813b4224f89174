using System.Text;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.Messages;

namespace ApprovalBot.Grains.Approval;

/// <summary>The reminder posted in an approval message's thread while the request waits.</summary>
internal static class ApprovalNudges
{
    /// <summary>Mentions of more approvers than this would be noise; the group mention covers them.</summary>
    private const int MaxMentions = 20;

    public static SlackMessage Reminder(ApprovalCard card, ApprovalOptions options)
    {
        var text = new StringBuilder("Reminder: this approval request is still waiting for a decision");
        text.Append(" (due ").Append(Mrkdwn.Date(card.Deadline)).Append(").");
        var mentions = Mentions(options);
        if (mentions.Length > 0)
        {
            text.Append(' ').Append(mentions);
        }

        text.Append(" `").Append(card.CorrelationId).Append('`');
        return ApprovalMessages.Ephemeral(text.ToString());
    }

    private static string Mentions(ApprovalOptions options)
    {
        var mentions = options.Approvers.Take(MaxMentions).Select(Mrkdwn.Mention).ToList();
        if (!string.IsNullOrWhiteSpace(options.ApproverGroupId))
        {
            mentions.Add($"<!subteam^{options.ApproverGroupId}>");
        }

        return string.Join(' ', mentions);
    }
}
