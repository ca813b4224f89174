using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// A <c>view_closed</c> payload (https://api.slack.com/reference/interaction-payloads/views#view_closed),
/// sent only for views opened with <c>notify_on_close</c>.
/// </summary>
public sealed record ViewClosedPayload(
    SlackUser User,
    InteractionView View,
    SlackTeam? Team = null,
    SlackEnterprise? Enterprise = null,
    bool IsCleared = false,
    string? ApiAppId = null,
    [property: JsonConverter(typeof(FlexibleBooleanConverter))] bool IsEnterpriseInstall = false)
    : InteractionPayload
{
    public const string TypeName = "view_closed";

    public override string Type => TypeName;
}
