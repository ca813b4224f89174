namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>The values of one slash command, in the order Slack sends them.</summary>
internal sealed record SlashCommandFields(
    string Token,
    string TeamId,
    string TeamDomain,
    string ChannelId,
    string ChannelName,
    string UserId,
    string UserName,
    string Command,
    string Text,
    string ApiAppId,
    string ResponseUrl,
    string TriggerId)
{
    /// <summary>The form body exactly as Slack would post it.</summary>
    public string ToFormBody() => SlackFormEncoder.Encode(
    [
        new("token", Token),
        new("team_id", TeamId),
        new("team_domain", TeamDomain),
        new("channel_id", ChannelId),
        new("channel_name", ChannelName),
        new("user_id", UserId),
        new("user_name", UserName),
        new("command", Command),
        new("text", Text),
        new("api_app_id", ApiAppId),
        new("is_enterprise_install", "false"),
        new("response_url", ResponseUrl),
        new("trigger_id", TriggerId),
    ]);
}
