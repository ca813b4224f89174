using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.Tests.TestSupport;

/// <summary>Block Kit JSON for tests.</summary>
public static class Blocks
{
    public static JsonObject Section(string text, string type = "mrkdwn") => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = type, ["text"] = text },
    };

    public static JsonObject Button(string actionId, string text, string value, string? style = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text },
            ["value"] = value,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    public static JsonObject Actions(string blockId, params JsonObject[] elements) => new()
    {
        ["type"] = "actions",
        ["block_id"] = blockId,
        ["elements"] = new JsonArray([.. elements]),
    };

    /// <summary>An approval-card-like message: a section and Approve / Deny buttons.</summary>
    public static JsonArray ApprovalCard(string value = "corr-1.token") =>
    [
        Section("*Approval request* from <@U0ALICE>"),
        Actions(
            "decision",
            Button("approve", "Approve", value, "primary"),
            Button("deny", "Deny", value, "danger")),
    ];

    public static JsonObject Input(
        string blockId, string actionId, string label, bool optional = false) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["optional"] = optional,
        ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = actionId },
    };

    public static JsonObject Modal(bool notifyOnClose = false) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = "deny_reason",
        ["private_metadata"] = "corr-1.token",
        ["notify_on_close"] = notifyOnClose,
        ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Deny request" },
        ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Deny" },
        ["blocks"] = new JsonArray(Input("reason", "reason_input", "Reason")),
    };
}
