using System.Text.RegularExpressions;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.Bench.Load;

/// <summary>
/// What the sandbox shows at one moment about how requests ended: when each approval message was last
/// rewritten (and whether its buttons are gone), and when each requester was told, wherever that notice
/// landed (the command's channel through its <c>response_url</c>, or a direct message).
/// </summary>
public sealed partial class WorkspaceOutcomes
{
    private const string NoticeStart = "Your approval request";

    private readonly Dictionary<string, SandboxMessage> _messagesByTs;
    private readonly Lazy<Dictionary<string, DateTimeOffset>> _noticesByCorrelationId;

    private WorkspaceOutcomes(SandboxWorkspace workspace, Dictionary<string, SandboxMessage> messagesByTs)
    {
        _messagesByTs = messagesByTs;
        _noticesByCorrelationId = new(() => Notices(workspace));
    }

    /// <summary>
    /// The approval channel as it is now. The requesters' notices are read from every channel only when first
    /// asked for: a poller that waits for rewrites alone does not pay for them.
    /// </summary>
    public static WorkspaceOutcomes Read(SandboxWorkspace workspace)
    {
        var messages = workspace.Messages(SandboxOptions.DefaultApprovalChannelId)
            .Where(m => !m.IsEphemeral)
            .ToDictionary(m => m.Ts, StringComparer.Ordinal);
        return new WorkspaceOutcomes(workspace, messages);
    }

    private static Dictionary<string, DateTimeOffset> Notices(SandboxWorkspace workspace)
    {
        var notices = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var channel in workspace.Channels)
        {
            foreach (var message in workspace.Messages(channel.Id))
            {
                if (message.IsBot && message.Text.StartsWith(NoticeStart, StringComparison.Ordinal)
                    && CorrelationId().Match(message.BlocksJson ?? message.Text) is { Success: true } id)
                {
                    notices.TryAdd(id.Value, message.PostedAt);
                }
            }
        }

        return notices;
    }

    /// <summary>
    /// When the card's message was rewritten without its buttons; null while it still has them.
    /// </summary>
    public DateTimeOffset? RewrittenAt(ApprovalCard card) =>
        _messagesByTs.TryGetValue(card.Ts, out var message) && message.EditedAt is { } at
            && !(message.BlocksJson ?? "").Contains("\"approve\"", StringComparison.Ordinal)
            ? at
            : null;

    public DateTimeOffset? NotifiedAt(string correlationId) =>
        _noticesByCorrelationId.Value.TryGetValue(correlationId, out var at) ? at : null;

    /// <summary>When the request was carried all the way: rewritten and its requester told.</summary>
    public DateTimeOffset? CompletedAt(ApprovalCard card) =>
        RewrittenAt(card) is { } rewritten && NotifiedAt(card.CorrelationId) is { } notified
            ? (rewritten > notified ? rewritten : notified)
            : null;

    [GeneratedRegex("corr-[0-9a-f]{32}")]
    public static partial Regex CorrelationId();
}
