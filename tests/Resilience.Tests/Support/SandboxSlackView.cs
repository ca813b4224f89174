using System.Text.RegularExpressions;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>Reads what the sandbox workspace shows: messages with their edit history, and notices.</summary>
public sealed partial class SandboxSlackView(SandboxWorkspace workspace) : ISlackView
{
    public IReadOnlySet<string> CorrelationIds() =>
        Approvals().SelectMany(m => CorrelationId().Matches(SandboxFlow.AllText(m)).Select(x => x.Value))
            .ToHashSet();

    public SlackRecord For(string correlationId, string requesterUserId)
    {
        var messages = Approvals()
            .Where(m => SandboxFlow.AllText(m).Contains(correlationId, StringComparison.Ordinal)).ToList();
        var versions = new List<MessageVersion>();
        if (messages.Count > 0)
        {
            var message = messages[0];
            versions.AddRange(message.History.Select(v => Version(message with
            {
                Text = v.Text,
                BlocksJson = v.BlocksJson,
            })));
            versions.Add(Version(message));
        }

        var notices = SandboxFlow.OutcomeNoticesTo(workspace, requesterUserId, correlationId).Count;
        return new SlackRecord(messages.Count, versions, notices);
    }

    private IEnumerable<SandboxMessage> Approvals() =>
        workspace.Messages(SandboxFlow.ApprovalChannel).Where(m => !m.IsEphemeral && m.ThreadTs is null);

    private static MessageVersion Version(SandboxMessage message) =>
        new(message.Text, message.ButtonActionIds().Count > 0);

    [GeneratedRegex("corr-[0-9a-f]{32}")]
    private static partial Regex CorrelationId();
}
