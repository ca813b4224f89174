using ApprovalBot.Grains;
using ApprovalBot.Grains.Approval;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// Whether Slack and PostgreSQL tell the same story about every request: a closed request has one approval
/// message whose one final content (no buttons) shows its stored outcome, and one notice to the requester; a
/// pending one shows buttons in every version; nothing unstored appears in Slack.
/// </summary>
public static class Agreement
{
    /// <summary>Every disagreement, one line each; empty when Slack and storage agree.</summary>
    public static IReadOnlyList<string> Problems(
        IEnumerable<string> correlationIds, IReadOnlyDictionary<string, ApprovalState> stored,
        ISlackView slack)
    {
        var problems = new List<string>();
        foreach (var id in correlationIds.Distinct())
        {
            var state = stored.GetValueOrDefault(id);
            var seen = slack.For(id, state?.RequesterUserId ?? "");
            problems.AddRange(Check(state, seen).Select(problem => $"{id}: {problem}"));
        }

        return problems;
    }

    /// <summary>Fails with every disagreement when there is any.</summary>
    public static void Holds(
        IEnumerable<string> correlationIds, IReadOnlyDictionary<string, ApprovalState> stored,
        ISlackView slack)
    {
        var problems = Problems(correlationIds, stored, slack);
        var lines = string.Join(Environment.NewLine, problems);
        Assert.True(problems.Count == 0, $"Slack and PostgreSQL disagree:{Environment.NewLine}{lines}");
    }

    /// <summary>The end of the approval message's fallback text for a stored state.</summary>
    public static string ExpectedEnding(ApprovalState state) => state.Status switch
    {
        ApprovalStatus.Approved => ": approved by " + Mrkdwn.Mention(state.DecidedBy ?? "?"),
        ApprovalStatus.Denied => ": denied by " + Mrkdwn.Mention(state.DecidedBy ?? "?"),
        ApprovalStatus.Expired => ": expired",
        ApprovalStatus.Cancelled => ": cancelled",
        _ => ": waiting for a decision",
    };

    private static IEnumerable<string> Check(ApprovalState? state, SlackRecord seen)
    {
        if (state is null)
        {
            if (seen.ApprovalMessages > 0 || seen.OutcomeNotices > 0)
            {
                yield return "Slack shows it, but PostgreSQL stores no such request";
            }

            yield break;
        }

        if (state.Outbox.Count > 0)
        {
            yield return $"still owes Slack {string.Join(", ", state.Outbox.Select(c => c.Kind))}";
            yield break;
        }

        if (seen.ApprovalMessages != 1)
        {
            yield return $"stored {state.Status}, but Slack shows {seen.ApprovalMessages} approval messages";
            yield break;
        }

        var shown = string.Join(" | ",
            seen.Versions.Select(v => (v.HasButtons ? "[buttons] " : "") + v.Text));
        if (state.Status == ApprovalStatus.Pending)
        {
            if (seen.Versions.Any(v => !v.HasButtons) || seen.OutcomeNotices > 0)
            {
                yield return $"stored Pending, but Slack showed an outcome: {shown}";
            }

            yield break;
        }

        var finals = seen.Versions.Where(v => !v.HasButtons).Select(v => v.Text).Distinct().ToList();
        var last = seen.Versions[^1];
        if (finals.Count != 1 || last.HasButtons
            || !last.Text.EndsWith(ExpectedEnding(state), StringComparison.Ordinal))
        {
            yield return $"stored {state.Status} by {state.DecidedBy ?? "nobody"}, Slack showed: {shown}";
        }

        if (seen.OutcomeNotices != 1)
        {
            yield return $"stored {state.Status}, but the requester got {seen.OutcomeNotices} notices";
        }
    }
}
