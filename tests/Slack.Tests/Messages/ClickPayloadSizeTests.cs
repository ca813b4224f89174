using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.Inbound;
using ApprovalBot.Slack.Messages;
using ApprovalBot.Slack.Verification;

namespace ApprovalBot.Slack.Tests.Messages;

/// <summary>
/// Slack embeds the whole message in every click, so the largest approval message must leave a click under
/// the 256 KiB body limit, even with every non-ASCII character escaped as \uXXXX and then percent-encoded.
/// </summary>
public sealed class ClickPayloadSizeTests
{
    [Fact]
    public void ClickOnLargestMessage_FormEncoded_StaysUnderBodyLimitAndParsesBack()
    {
        var card = ApprovalCards.Hostile(ApprovalCardStatus.Pending);
        var message = ApprovalMessages.Render(card);
        var button = message.Blocks.OfType<ActionsBlock>().Single().Elements.Cast<ButtonElement>().First();

        var body = FormEncodedClick(message, button);

        Assert.True(body.Length < SlackVerificationLimits.MaxBodyBytes, $"click body {body.Length} bytes");
        Assert.True(InteractionPayload.TryParse(body, out var payload, out var error), error);
        var action = Assert.Single(Assert.IsType<BlockActionsPayload>(payload).Actions);
        Assert.True(ButtonValue.TryParse(action.Value, out var correlationId, out var token));
        Assert.Equal(card.CorrelationId, correlationId);
        Assert.Equal(card.CallbackToken, token);
    }

    private static byte[] FormEncodedClick(SlackMessage message, ButtonElement button)
    {
        var blocks = JsonSerializer.SerializeToNode(message.Blocks, SlackJson.Options);
        var click = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject
            {
                ["id"] = "U0APPROVER", ["username"] = "bo", ["team_id"] = "T0ABCDEFGH",
            },
            ["api_app_id"] = "A0ABCDEFGH",
            ["token"] = "deprecated-verification-token",
            ["container"] = new JsonObject
            {
                ["type"] = "message", ["message_ts"] = "1767366245.000100",
                ["channel_id"] = "C0ABCDEFGH", ["is_ephemeral"] = false,
            },
            ["trigger_id"] = "1.2.abcdef",
            ["team"] = new JsonObject { ["id"] = "T0ABCDEFGH", ["domain"] = "example" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = "C0ABCDEFGH", ["name"] = "approvals" },
            ["message"] = new JsonObject
            {
                ["type"] = "message", ["bot_id"] = "B0ABCDEFGH", ["ts"] = "1767366245.000100",
                ["text"] = message.Text, ["blocks"] = blocks,
            },
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = "https://hooks.slack.com/actions/T0ABCDEFGH/1/abc",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button.ActionId, ["block_id"] = "b",
                ["text"] = JsonSerializer.SerializeToNode(button.Text, SlackJson.Options),
                ["value"] = button.Value, ["style"] = "primary", ["type"] = "button", ["action_ts"] = "1.2",
            }),
        };

        // The default encoder escapes every non-ASCII character: the largest encoding Slack could choose.
        var json = click.ToJsonString();
        return Encoding.ASCII.GetBytes("payload=" + Uri.EscapeDataString(json));
    }
}
