using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Tests.Blocks;

public sealed class BlockJsonTests
{
    [Fact]
    public void Serialize_ActionsBlockWithButtons_MatchesSlackShape()
    {
        Block block = new ActionsBlock(
        [
            new ButtonElement(new PlainText("Approve"), "approve", "corr-1|tok", ButtonStyle.Primary),
            new ButtonElement(new PlainText("Deny"), "deny", "corr-1|tok", ButtonStyle.Danger),
            new ButtonElement(new PlainText("Later", Emoji: true), "later"),
        ])
        { BlockId = "b1" };

        AssertJson(
            """
            {"type":"actions","block_id":"b1","elements":[
              {"type":"button","text":{"type":"plain_text","text":"Approve"},"action_id":"approve",
               "value":"corr-1|tok","style":"primary"},
              {"type":"button","text":{"type":"plain_text","text":"Deny"},"action_id":"deny",
               "value":"corr-1|tok","style":"danger"},
              {"type":"button","text":{"type":"plain_text","text":"Later","emoji":true},"action_id":"later"}]}
            """,
            block);
    }

    [Fact]
    public void Serialize_SectionWithFields_MatchesSlackShape()
    {
        Block block = new SectionBlock(new MrkdwnText("*hi*"), [new MrkdwnText("a"), new PlainText("b")]);

        AssertJson(
            """
            {"type":"section","text":{"type":"mrkdwn","text":"*hi*"},
             "fields":[{"type":"mrkdwn","text":"a"},{"type":"plain_text","text":"b"}]}
            """,
            block);
    }

    [Fact]
    public void Serialize_HeaderDividerContext_MatchSlackShape()
    {
        IReadOnlyList<Block> blocks =
        [
            new HeaderBlock(new PlainText("Approval request")) { BlockId = "h" },
            new DividerBlock(),
            new ContextBlock([new MrkdwnText("Correlation id: corr-1")]),
        ];

        AssertJson(
            """
            [{"type":"header","block_id":"h","text":{"type":"plain_text","text":"Approval request"}},
             {"type":"divider"},
             {"type":"context","elements":[{"type":"mrkdwn","text":"Correlation id: corr-1"}]}]
            """,
            blocks);
    }

    [Fact]
    public void Serialize_ModalWithInput_MatchesViewsOpenShape()
    {
        var view = new ModalView(
            new PlainText("Deny approval request"),
            [
                new InputBlock(
                    new PlainText("Why?"),
                    new PlainTextInputElement("reason", Multiline: true, MaxLength: 1000))
                {
                    BlockId = "reason",
                },
            ],
            CallbackId: "deny_reason",
            Submit: new PlainText("Deny"),
            Close: new PlainText("Cancel"),
            PrivateMetadata: "corr-1|tok");

        AssertJson(
            """
            {"type":"modal","title":{"type":"plain_text","text":"Deny approval request"},
             "blocks":[{"type":"input","block_id":"reason","label":{"type":"plain_text","text":"Why?"},
                        "element":{"type":"plain_text_input","action_id":"reason","multiline":true,
                                   "max_length":1000}}],
             "callback_id":"deny_reason","submit":{"type":"plain_text","text":"Deny"},
             "close":{"type":"plain_text","text":"Cancel"},"private_metadata":"corr-1|tok"}
            """,
            view);
    }

    [Fact]
    public void Serialize_Modal_TypeIsTheFirstProperty()
    {
        var view = new ModalView(new PlainText("t"), []);

        var json = JsonSerializer.Serialize(view, SlackJson.Options);

        Assert.StartsWith("""{"type":"modal",""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_SlackMessageBlocks_WritesNoNulls()
    {
        var message = new SlackMessage(
            "fallback", [new SectionBlock(new MrkdwnText("x")), new DividerBlock()]);

        var json = JsonSerializer.Serialize(message.Blocks, SlackJson.Options);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    private static void AssertJson<T>(string expected, T value)
    {
        var actual = JsonSerializer.SerializeToNode(value, SlackJson.Options);

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"Expected {JsonNode.Parse(expected)?.ToJsonString()}\nbut got  {actual?.ToJsonString()}");
    }
}
