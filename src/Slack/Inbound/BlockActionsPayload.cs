using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// A <c>block_actions</c> payload (https://api.slack.com/reference/interaction-payloads/block-actions): a
/// click on a button. <see cref="Team"/> is null on org-wide Enterprise Grid installs.
/// </summary>
public sealed record BlockActionsPayload(
    SlackUser User,
    IReadOnlyList<BlockAction> Actions,
    SlackTeam? Team = null,
    SlackEnterprise? Enterprise = null,
    InteractionContainer? Container = null,
    SlackChannel? Channel = null,
    InteractionMessage? Message = null,
    string? ResponseUrl = null,
    string? TriggerId = null,
    string? ApiAppId = null,
    [property: JsonConverter(typeof(FlexibleBooleanConverter))] bool IsEnterpriseInstall = false)
    : InteractionPayload
{
    public const string TypeName = "block_actions";

    public override string Type => TypeName;
}
