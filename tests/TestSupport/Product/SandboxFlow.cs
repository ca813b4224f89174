using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.TestSupport.Product;

/// <summary>Reads what the sandbox shows about one approval request, the way a person in Slack would see it.</summary>
public static partial class SandboxFlow
{
    public const string ApprovalChannel = "C0APPROVALS";
    public const string GeneralChannel = "C0GENERAL";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends <c>/approve text</c> as <paramref name="userId"/>; returns the reply text and the id it names.
    /// </summary>
    public static async Task<(int Status, string Text, string? CorrelationId)> CommandAsync(
        this SlackSandboxServer sandbox, string userId, string text)
    {
        var reply = await sandbox.SendSlashCommandAsync(userId, text, GeneralChannel);
        var replyText = ReplyText(reply.Body);
        var id = CorrelationIdPattern().Match(replyText);
        return (reply.StatusCode, replyText, id.Success ? id.Value : null);
    }

    public static async Task<SandboxMessage> WaitForApprovalMessageAsync(
        this SlackSandboxServer sandbox, string correlationId)
    {
        await sandbox.WaitForAsync(w => ApprovalMessage(w, correlationId) is not null, Wait,
            $"the approval message of {correlationId} in the approval channel");
        return ApprovalMessage(sandbox.Workspace, correlationId)!;
    }

    /// <summary>
    /// Sends <c>/approve text</c> as <paramref name="userId"/> and waits for the approval message it creates;
    /// fails when the reply names no request.
    /// </summary>
    public static async Task<(string Id, SandboxMessage Message)> PostedRequestAsync(
        this SlackSandboxServer sandbox, string userId, string text)
    {
        var (_, reply, id) = await sandbox.CommandAsync(userId, text);
        Assert.True(id is not null, $"'/approve {text}' created no request: {reply}");
        return (id, await sandbox.WaitForApprovalMessageAsync(id));
    }

    /// <summary>
    /// Alice asks with <paramref name="text"/>, <paramref name="approver"/> clicks Deny on the posted message;
    /// returns the request's id and the deny-reason form that opened (exactly one, or this fails).
    /// </summary>
    public static async Task<(string Id, SandboxView Form)> OpenDenyFormAsync(
        this SlackSandboxServer sandbox, string approver, string text)
    {
        var (id, message) = await sandbox.PostedRequestAsync(SandboxUsers.Alice, text);
        await sandbox.ClickAsync(approver, ApprovalChannel, message.Ts, "deny");
        return (id, Assert.Single(sandbox.Workspace.OpenViews(approver)));
    }

    public static SandboxMessage? ApprovalMessage(SandboxWorkspace workspace, string correlationId) =>
        workspace.Messages(ApprovalChannel).FirstOrDefault(m => !m.IsEphemeral && Mentions(m, correlationId));

    public static IReadOnlyList<SandboxMessage> ApprovalMessages(SandboxWorkspace workspace, string correlationId) =>
        [.. workspace.Messages(ApprovalChannel).Where(m => !m.IsEphemeral && Mentions(m, correlationId))];

    /// <summary>Waits until the approval message shows no buttons and contains <paramref name="outcome"/>.</summary>
    public static async Task<SandboxMessage> WaitForFinalMessageAsync(
        this SlackSandboxServer sandbox, string correlationId, string outcome)
    {
        await sandbox.WaitForAsync(
            w => ApprovalMessage(w, correlationId) is { } m && m.ButtonActionIds().Count == 0
                && AllText(m).Contains(outcome, StringComparison.OrdinalIgnoreCase),
            Wait, $"the approval message of {correlationId} rewritten as {outcome} without buttons");
        return ApprovalMessage(sandbox.Workspace, correlationId)!;
    }

    /// <summary>
    /// Messages about the request that only <paramref name="userId"/> sees, or sent to them directly.
    /// </summary>
    public static IReadOnlyList<SandboxMessage> NoticesTo(
        SandboxWorkspace workspace, string userId, string correlationId) =>
        [.. workspace.Channels
            .SelectMany(c => workspace.MessagesVisibleTo(c.Id, userId))
            .Where(m => (m.EphemeralTo == userId || m.ChannelId == SandboxWorkspace.DirectChannelIdFor(userId))
                && Mentions(m, correlationId))];

    /// <summary>The requester's notices of the outcome (not the command's own reply).</summary>
    public static IReadOnlyList<SandboxMessage> OutcomeNoticesTo(
        SandboxWorkspace workspace, string userId, string correlationId) =>
        [.. NoticesTo(workspace, userId, correlationId)
            .Where(m => m.Text.StartsWith("Your approval request", StringComparison.Ordinal))];

    /// <summary>Ephemeral messages <paramref name="userId"/> got that contain <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<SandboxMessage> EphemeralsTo(
        SandboxWorkspace workspace, string userId, string fragment) =>
        [.. workspace.Channels
            .SelectMany(c => workspace.MessagesVisibleTo(c.Id, userId))
            .Where(m => m.EphemeralTo == userId && AllText(m).Contains(fragment, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Normal (not ephemeral) messages in the approval channel, whatever request they are about.</summary>
    public static int ApprovalChannelPostCount(SandboxWorkspace workspace) =>
        workspace.Messages(ApprovalChannel).Count(m => !m.IsEphemeral);

    /// <summary>What <c>/approve list</c> answers <paramref name="userId"/>.</summary>
    public static async Task<string> ListAsync(this SlackSandboxServer sandbox, string userId) =>
        (await sandbox.CommandAsync(userId, "list")).Text;

    /// <summary>Every correlation id <paramref name="text"/> names, once each, in order.</summary>
    public static IReadOnlyList<string> CorrelationIds(string text) =>
        [.. CorrelationIdPattern().Matches(text).Select(m => m.Value).Distinct()];

    public static string AllText(SandboxMessage message) => message.Text + " " + (message.BlocksJson ?? "");

    private static bool Mentions(SandboxMessage message, string correlationId) =>
        AllText(message).Contains(correlationId, StringComparison.Ordinal);

    private static string ReplyText(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return body;
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("text", out var text) ? text.GetString() ?? "" : body;
    }

    [GeneratedRegex("corr-[0-9a-f]{32}")]
    private static partial Regex CorrelationIdPattern();
}
