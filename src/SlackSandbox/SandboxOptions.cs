namespace ApprovalBot.SlackSandbox;

/// <summary>The <c>Sandbox</c> configuration section (environment form <c>Sandbox__Key</c>).</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Default workspace id.</summary>
    public const string DefaultTeamId = "T0SANDBOX";

    /// <summary>Default approval channel.</summary>
    public const string DefaultApprovalChannelId = "C0APPROVALS";

    /// <summary>Default escalation channel.</summary>
    public const string DefaultEscalationChannelId = "C0ESCALATE";

    /// <summary>Default general channel, where slash commands are typed unless told otherwise.</summary>
    public const string DefaultGeneralChannelId = "C0GENERAL";

    /// <summary>Default user group holding the approvers.</summary>
    public const string DefaultApproverGroupId = "S0APPROVERS";

    /// <summary>Signs every request the sandbox sends to the Api. Required.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The only token the sandbox's Web API accepts. Required.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>
    /// Root of the Api (it serves <c>slack/commands</c> and <c>slack/interactions</c>); may be set later.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Workspace id sent in every payload; default <see cref="DefaultTeamId"/>.</summary>
    public string TeamId { get; set; } = DefaultTeamId;

    /// <summary>Workspace domain sent in payloads; default <c>sandbox</c>.</summary>
    public string TeamDomain { get; set; } = "sandbox";

    /// <summary>
    /// Private channel for approval messages; default <see cref="DefaultApprovalChannelId"/>.
    /// </summary>
    public string ApprovalChannelId { get; set; } = DefaultApprovalChannelId;

    /// <summary>Channel for escalations; default <see cref="DefaultEscalationChannelId"/>.</summary>
    public string EscalationChannelId { get; set; } = DefaultEscalationChannelId;

    /// <summary>Public channel everyone is in; default <see cref="DefaultGeneralChannelId"/>.</summary>
    public string GeneralChannelId { get; set; } = DefaultGeneralChannelId;

    /// <summary>
    /// Sandbox users; when none are configured, <see cref="SandboxUserOptions.Defaults"/> is used.
    /// </summary>
    public IList<SandboxUserOptions> Users { get; } = new List<SandboxUserOptions>();

    /// <summary>
    /// User group whose members are the users marked approver; default <see cref="DefaultApproverGroupId"/>.
    /// </summary>
    public string ApproverGroupId { get; set; } = DefaultApproverGroupId;

    /// <summary>
    /// Refuse a second <c>chat.postMessage</c> to one channel within a second, as Slack does; default on.
    /// </summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>
    /// The sandbox's own address used in <c>response_url</c>s; default: the address the server bound.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The slash command the composer sends; default <c>/approve</c>.</summary>
    public string Command { get; set; } = "/approve";

    /// <summary>The app id in payloads; default <c>A0SANDBOX</c>.</summary>
    public string ApiAppId { get; set; } = "A0SANDBOX";

    /// <summary>The bot's user id, author of every bot message; default <c>U0APPBOT</c>.</summary>
    public string BotUserId { get; set; } = "U0APPBOT";

    /// <summary>The bot's id (<c>bot_id</c> on its messages); default <c>B0APPBOT</c>.</summary>
    public string BotId { get; set; } = "B0APPBOT";

    /// <summary>The bot's display name; default <c>ApprovalBot</c>.</summary>
    public string BotName { get; set; } = "ApprovalBot";

    internal IReadOnlyList<SandboxUserOptions> EffectiveUsers() =>
        Users.Count == 0 ? SandboxUserOptions.Defaults : [.. Users];
}
