using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// The <c>payload</c> JSON of <c>block_actions</c>, <c>view_submission</c> and <c>view_closed</c>.
/// </summary>
internal sealed class InteractionPayloads(SandboxOptions options)
{
    /// <summary>The deprecated verification token Slack still sends; apps must ignore it.</summary>
    public const string VerificationToken = "sandbox-verification-token";

    public JsonObject BlockActions(
        SandboxUser user, SandboxChannel channel, SandboxMessage message, BlockSearch.FoundButton button,
        string triggerId, string responseUrl, string actionTs)
    {
        var action = new JsonObject
        {
            ["action_id"] = button.Button.String("action_id"),
            ["block_id"] = button.BlockId,
            ["text"] = button.Button["text"]?.DeepClone(),
            ["value"] = button.Button.String("value"),
            ["type"] = "button",
            ["action_ts"] = actionTs,
        };
        if (button.Button.String("style") is { } style)
        {
            action["style"] = style;
        }

        var payload = Common("block_actions", user, triggerId);
        payload["container"] = new JsonObject
        {
            ["type"] = "message",
            ["message_ts"] = message.Ts,
            ["channel_id"] = channel.Id,
            ["is_ephemeral"] = message.IsEphemeral,
        };
        payload["channel"] = new JsonObject { ["id"] = channel.Id, ["name"] = ChannelName(channel) };

        // Slack leaves the message out of clicks on ephemeral messages: the app never stored it.
        if (!message.IsEphemeral)
        {
            payload["message"] = MessageOf(message);
        }

        payload["state"] = new JsonObject { ["values"] = new JsonObject() };
        payload["response_url"] = responseUrl;
        payload["actions"] = new JsonArray(action);
        return payload;
    }

    public JsonObject ViewSubmission(SandboxUser user, JsonObject view, string triggerId)
    {
        var payload = Common("view_submission", user, triggerId);
        payload["view"] = view;
        payload["response_urls"] = new JsonArray();
        return payload;
    }

    public JsonObject ViewClosed(SandboxUser user, JsonObject view)
    {
        var payload = Common("view_closed", user, triggerId: null);
        payload["view"] = view;
        payload["is_cleared"] = false;
        return payload;
    }

    private JsonObject Common(string type, SandboxUser user, string? triggerId)
    {
        var payload = new JsonObject
        {
            ["type"] = type,
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["username"] = user.Name,
                ["name"] = user.Name,
                ["team_id"] = options.TeamId,
            },
            ["api_app_id"] = options.ApiAppId,
            ["token"] = VerificationToken,
        };
        if (triggerId is not null)
        {
            payload["trigger_id"] = triggerId;
        }

        payload["team"] = new JsonObject { ["id"] = options.TeamId, ["domain"] = options.TeamDomain };
        payload["enterprise"] = null;
        payload["is_enterprise_install"] = false;
        return payload;
    }

    private JsonObject MessageOf(SandboxMessage message)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["user"] = message.UserId,
            ["ts"] = message.Ts,
            ["text"] = message.Text,
            ["team"] = options.TeamId,
        };
        if (message.BotId is not null)
        {
            json["bot_id"] = message.BotId;
        }

        json["blocks"] = message.Blocks();
        return json;
    }

    private static string ChannelName(SandboxChannel channel) =>
        channel.Kind == SandboxChannelKind.Direct ? "directmessage" : channel.Name;
}
