using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// A <c>view_submission</c> payload
/// (https://api.slack.com/reference/interaction-payloads/views#view_submission).
/// </summary>
public sealed record ViewSubmissionPayload(
    SlackUser User,
    InteractionView View,
    SlackTeam? Team = null,
    SlackEnterprise? Enterprise = null,
    string? TriggerId = null,
    string? ApiAppId = null,
    [property: JsonConverter(typeof(FlexibleBooleanConverter))] bool IsEnterpriseInstall = false)
    : InteractionPayload
{
    public const string TypeName = "view_submission";

    public override string Type => TypeName;
}
