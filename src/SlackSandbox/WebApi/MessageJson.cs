using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>A stored message in Slack's message shape (what <c>chat.postMessage</c> returns).</summary>
internal static class MessageJson
{
    public static JsonObject From(SandboxMessage message, string teamId)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["user"] = message.UserId,
            ["text"] = message.Text,
            ["ts"] = message.Ts,
            ["team"] = teamId,
        };
        if (message.BotId is not null)
        {
            json["bot_id"] = message.BotId;
            json["app_id"] = null;
        }

        if (message.BlocksJson is not null)
        {
            json["blocks"] = message.Blocks();
        }

        if (message.ThreadTs is not null)
        {
            json["thread_ts"] = message.ThreadTs;
        }

        if (message.EditedAt is not null)
        {
            json["edited"] = new JsonObject { ["user"] = message.UserId, ["ts"] = message.Ts };
        }

        return json;
    }
}
