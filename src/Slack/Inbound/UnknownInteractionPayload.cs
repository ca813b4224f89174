namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// Any interaction type ApprovalBot does not handle (https://api.slack.com/reference/interaction-payloads),
/// such as <c>shortcut</c> or <c>message_action</c>: acknowledged with 200 and otherwise ignored.
/// </summary>
public sealed record UnknownInteractionPayload : InteractionPayload
{
    public UnknownInteractionPayload(string type) => Type = type;

    public override string Type { get; }
}
