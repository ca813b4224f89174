namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>One content the approval message of a request had: as posted, or after an edit.</summary>
public sealed record MessageVersion(string Text, bool HasButtons);

/// <summary>
/// What Slack shows about one request: its approval messages, their contents, the requester's notices.
/// </summary>
public sealed record SlackRecord(
    int ApprovalMessages, IReadOnlyList<MessageVersion> Versions, int OutcomeNotices);

/// <summary>Slack as a test saw it (the recording fake or the sandbox), read per request.</summary>
public interface ISlackView
{
    /// <summary>Every correlation id an approval message in the approval channel names.</summary>
    IReadOnlySet<string> CorrelationIds();

    SlackRecord For(string correlationId, string requesterUserId);
}
