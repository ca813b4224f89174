using System.Globalization;
using System.Text.Json;
using ApprovalBot.SlackSandbox;

namespace ApprovalBot.Bench.Load;

/// <summary>The parts of a click payload that describe where the button was and which one it was.</summary>
internal static class ClickParts
{
    public static void WriteContainer(Utf8JsonWriter json, ApprovalCard card)
    {
        json.WriteStartObject("container");
        json.WriteString("type", "message");
        json.WriteString("message_ts", card.Ts);
        json.WriteString("channel_id", SandboxOptions.DefaultApprovalChannelId);
        json.WriteBoolean("is_ephemeral", false);
        json.WriteEndObject();
        json.WriteStartObject("channel");
        json.WriteString("id", SandboxOptions.DefaultApprovalChannelId);
        json.WriteString("name", "approvals");
        json.WriteEndObject();

        // Slack sends the whole message clicked on, blocks included: the Api parses it all.
        json.WriteStartObject("message");
        json.WriteString("type", "message");
        json.WriteString("user", "U0APPBOT");
        json.WriteString("bot_id", "B0APPBOT");
        json.WriteString("ts", card.Ts);
        json.WriteString("text", card.Text);
        json.WritePropertyName("blocks");
        json.WriteRawValue(card.BlocksJson);
        json.WriteEndObject();
        json.WriteStartObject("state");
        json.WriteStartObject("values");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteApproveAction(Utf8JsonWriter json, ApprovalCard card)
    {
        json.WriteStartArray("actions");
        json.WriteStartObject();
        json.WriteString("action_id", ApprovalCard.ApproveActionId);
        json.WriteString("block_id", card.ApproveBlockId);
        json.WriteStartObject("text");
        json.WriteString("type", "plain_text");
        json.WriteString("text", "Approve");
        json.WriteEndObject();
        json.WriteString("value", card.ApproveValue);
        json.WriteString("type", "button");
        json.WriteString("style", "primary");
        var now = DateTimeOffset.UtcNow;
        json.WriteString("action_ts", string.Create(CultureInfo.InvariantCulture,
            $"{now.ToUnixTimeSeconds()}.{now.Ticks / 10 % 1_000_000:D6}"));
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
