using ApprovalBot.Slack;

namespace ApprovalBot.Grains.Approval;

/// <summary>When a pending request's reminders, escalation and deadline fall, from its stored times alone.</summary>
internal static class ApprovalSchedule
{
    /// <summary>How many reminders have fallen due and were not sent yet.</summary>
    public static int RemindersDue(ApprovalOptions options, ApprovalState state, DateTimeOffset now)
    {
        var due = 0;
        for (var i = state.RemindersSent; i < options.RemindAfter.Count; i++)
        {
            var at = state.CreatedAt + options.RemindAfter[i];
            if (at <= now && at < state.Deadline)
            {
                due = i + 1 - state.RemindersSent;
            }
        }

        return due;
    }

    public static bool EscalationDue(
        ApprovalOptions options, SlackOptions slack, ApprovalState state, DateTimeOffset now) =>
        EscalatesAt(options, slack, state) is { } at && at <= now;

    /// <summary>The earliest of the next reminder, the escalation and the deadline.</summary>
    public static DateTimeOffset NextEvent(ApprovalOptions options, SlackOptions slack, ApprovalState state)
    {
        var next = state.Deadline;
        if (state.RemindersSent < options.RemindAfter.Count)
        {
            var remind = state.CreatedAt + options.RemindAfter[state.RemindersSent];
            next = remind < next ? remind : next;
        }

        if (EscalatesAt(options, slack, state) is { } escalate && escalate < next)
        {
            next = escalate;
        }

        return next;
    }

    private static DateTimeOffset? EscalatesAt(ApprovalOptions options, SlackOptions slack, ApprovalState state) =>
        options.EscalateAfter is { } after && !string.IsNullOrEmpty(slack.EscalationChannelId)
            && state.EscalationChannelId is null && state.CreatedAt + after < state.Deadline
            ? state.CreatedAt + after
            : null;
}
