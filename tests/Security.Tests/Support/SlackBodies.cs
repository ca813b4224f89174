using System.Text.Json.Nodes;
using ApprovalBot.Slack.Messages;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Security.Tests.Support;

/// <summary>
/// Request bodies shaped like Slack's (https://api.slack.com/interactivity/slash-commands,
/// https://api.slack.com/reference/interaction-payloads), with every field a test may want to get wrong.
/// </summary>
public static class SlackBodies
{
    public const string Team = SandboxOptions.DefaultTeamId;
    public const string OtherTeam = "T0ELSEWHERE";

    /// <summary>
    /// Form-encodes fields in order (spaces as <c>%20</c>; the signature covers the bytes as sent).
    /// </summary>
    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(
            f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    /// <summary>The fields of <c>/approve {text}</c> typed by <paramref name="userId"/>.</summary>
    public static List<KeyValuePair<string, string>> CommandFields(
        string userId, string text, string responseUrl, string team = Team) =>
    [
        new("team_id", team),
        new("team_domain", "sandbox"),
        new("channel_id", SandboxFlow.GeneralChannel),
        new("channel_name", "general"),
        new("user_id", userId),
        new("user_name", "someone"),
        new("command", "/approve"),
        new("text", text),
        new("api_app_id", "A0SANDBOX"),
        new("is_enterprise_install", "false"),
        new("response_url", responseUrl),
        new("trigger_id", "1.2.3"),
    ];

    public static string Command(string userId, string text, string responseUrl, string team = Team) =>
        Form(CommandFields(userId, text, responseUrl, team));

    /// <summary>A command with the field <paramref name="name"/> left out.</summary>
    public static string CommandWithout(string name, string userId, string text, string responseUrl) =>
        Form(CommandFields(userId, text, responseUrl).Where(f => f.Key != name));

    /// <summary>The interaction form: one field, <c>payload</c>.</summary>
    public static string Interaction(string json) => "payload=" + Uri.EscapeDataString(json);

    public static string Interaction(JsonNode payload) => Interaction(payload.ToJsonString());

    /// <summary>A click on a button of the approval message, as <c>block_actions</c>.</summary>
    public static JsonObject Click(
        string userId,
        string? value,
        string responseUrl,
        string actionId = ApprovalMessages.ApproveActionId,
        string channel = SandboxFlow.ApprovalChannel,
        string team = Team)
    {
        var action = new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = "actions",
            ["type"] = "button",
            ["action_ts"] = "1700000000.000100",
        };
        if (value is not null)
        {
            action["value"] = value;
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "someone", ["team_id"] = team },
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "sandbox" },
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = channel },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "approvals" },
            ["response_url"] = responseUrl,
            ["trigger_id"] = "1.2.3",
            ["actions"] = new JsonArray(action),
        };
    }

    /// <summary>
    /// A submitted deny-reason modal whose <c>private_metadata</c> is <paramref name="metadata"/>.
    /// </summary>
    public static JsonObject DenySubmission(
        string userId,
        string metadata,
        string reason,
        string callbackId = ApprovalModals.DenyReasonCallbackId) =>
        new()
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = userId, ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team },
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["callback_id"] = callbackId,
                ["private_metadata"] = metadata,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        [ApprovalModals.ReasonBlockId] = new JsonObject
                        {
                            [ApprovalModals.ReasonActionId] =
                                new JsonObject { ["type"] = "plain_text_input", ["value"] = reason },
                        },
                    },
                },
            },
        };
}
