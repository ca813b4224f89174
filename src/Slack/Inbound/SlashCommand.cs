using System.Diagnostics.CodeAnalysis;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// A slash command invocation (https://api.slack.com/interactivity/slash-commands#app_command_handling).
/// On Enterprise Grid the user id may start with <c>W</c> and <see cref="EnterpriseId"/> is set; an
/// org-wide install may send no <see cref="TeamId"/>. <see cref="UserName"/> is deprecated: never use it for
/// identity. The deprecated verification <c>token</c> field is deliberately not read.
/// </summary>
public sealed record SlashCommand
{
    public string? TeamId { get; init; }

    public string? TeamDomain { get; init; }

    public string? EnterpriseId { get; init; }

    public string? EnterpriseName { get; init; }

    public string? ChannelId { get; init; }

    public string? ChannelName { get; init; }

    public required string UserId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The command as typed, with its slash (<c>/approve</c>).</summary>
    public required string Command { get; init; }

    /// <summary>Everything after the command; empty when nothing was typed.</summary>
    public string Text { get; init; } = "";

    public string? ApiAppId { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public required string ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    /// <summary>
    /// Parses a verified form body. Fails (never throws) when <c>user_id</c>, <c>command</c> or
    /// <c>response_url</c> is missing, or when neither <c>team_id</c> nor <c>enterprise_id</c> is present.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out SlashCommand? command,
        [NotNullWhen(false)] out string? error)
    {
        var form = SlackForm.Parse(body);
        var teamId = Field(form, "team_id");
        var enterpriseId = Field(form, "enterprise_id");
        var userId = Field(form, "user_id");
        var name = Field(form, "command");
        var responseUrl = Field(form, "response_url");
        if ((teamId ?? enterpriseId) is null || userId is null || name is null || responseUrl is null)
        {
            command = null;
            error = DescribeMissing(teamId ?? enterpriseId, userId, name);
            return false;
        }

        command = new SlashCommand
        {
            TeamId = teamId,
            TeamDomain = Field(form, "team_domain"),
            EnterpriseId = enterpriseId,
            EnterpriseName = Field(form, "enterprise_name"),
            ChannelId = Field(form, "channel_id"),
            ChannelName = Field(form, "channel_name"),
            UserId = userId,
            UserName = Field(form, "user_name"),
            Command = name,
            Text = form.GetValueOrDefault("text", ""),
            ApiAppId = Field(form, "api_app_id"),
            IsEnterpriseInstall = string.Equals(
                Field(form, "is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase),
            ResponseUrl = responseUrl,
            TriggerId = Field(form, "trigger_id"),
        };
        error = null;
        return true;
    }

    private static string DescribeMissing(string? team, string? userId, string? name) =>
        team is null ? "slash command has neither team_id nor enterprise_id"
        : userId is null ? "slash command has no user_id"
        : name is null ? "slash command has no command"
        : "slash command has no response_url";

    private static string? Field(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
