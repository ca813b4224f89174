namespace ApprovalBot.Slack;

/// <summary>The <c>Slack</c> configuration section: how ApprovalBot talks to one Slack workspace.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Default Web API base address.</summary>
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Default host a <c>response_url</c> may point at.</summary>
    public const string DefaultResponseUrlHost = "hooks.slack.com";

    /// <summary>Slack's own pace for <c>chat.postMessage</c> in one channel.</summary>
    public const double DefaultPostsPerSecondPerChannel = 1;

    /// <summary>Verifies inbound requests (Api). Required by the Api.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>
    /// Also accepted while a signing secret is being rotated; empty when no rotation is under way.
    /// </summary>
    public string PreviousSigningSecret { get; set; } = "";

    /// <summary>The bot token (<c>xoxb-…</c>) for Web API calls. Required by the Silo and the Api.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Where approval messages go; clicks from other channels are refused. Required.</summary>
    public string ApprovalChannelId { get; set; } = "";

    /// <summary>Where overdue requests are escalated; empty disables escalation.</summary>
    public string EscalationChannelId { get; set; } = "";

    /// <summary>Pacing of <c>chat.postMessage</c> per channel; 0 means unpaced.</summary>
    public double PostsPerSecondPerChannel { get; set; } = DefaultPostsPerSecondPerChannel;

    /// <summary>
    /// The one workspace (or Enterprise Grid organisation) served; empty means not checked.
    /// </summary>
    public string TeamId { get; set; } = "";

    /// <summary>Web API base address, ending in a slash.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Hosts (with an optional <c>:port</c>) a <c>response_url</c> may point at.</summary>
    public IList<string> ResponseUrlHosts { get; set; } = [];

    /// <summary>
    /// The effective list of allowed <c>response_url</c> hosts (the default when none is configured).
    /// </summary>
    public IReadOnlyList<string> EffectiveResponseUrlHosts =>
        ResponseUrlHosts.Count == 0 ? [DefaultResponseUrlHost] : [.. ResponseUrlHosts];

    /// <summary>Never print secrets: options objects end up in debug output and exception messages.</summary>
    public override string ToString() =>
        $"SlackOptions {{ ApiBaseUrl = {ApiBaseUrl}, ApprovalChannelId = {ApprovalChannelId}, " +
        $"TeamId = {TeamId}, SigningSecret = ***, BotToken = *** }}";
}
