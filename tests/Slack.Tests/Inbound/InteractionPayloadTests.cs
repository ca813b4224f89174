using System.Net;
using System.Text;
using ApprovalBot.Slack.Inbound;
using ApprovalBot.Slack.Tests.TestSupport;

namespace ApprovalBot.Slack.Tests.Inbound;

public sealed class InteractionPayloadTests
{
    private const string WithUser = """{"type":"block_actions","user":{"id":"U1"}""";

    private const string Action = """{"action_id":"a","block_id":"b","type":"button"}""";

    private const string BadState = """{"id":"V1","state":{"values":{"b":7}}}""";

    public static TheoryData<string> Encoders => ["uri", "form"];

    [Theory]
    [MemberData(nameof(Encoders))]
    public void TryParse_DocsBlockActionsAsForm_GivesExactValues(string encoder)
    {
        var body = AsForm(Vectors.Text("block-actions-docs-example.json"), encoder);

        var parsed = InteractionPayload.TryParse(body, out var payload, out var error);

        Assert.True(parsed, error);
        var actions = Assert.IsType<BlockActionsPayload>(payload);
        Assert.Equal("block_actions", actions.Type);
        Assert.Equal(new SlackUser("UA8RXUSPL", "jtorrance", null, "T9TK3CUKW"), actions.User);
        Assert.Equal(new SlackTeam("T9TK3CUKW", "example"), actions.Team);
        Assert.Null(actions.Enterprise);
        Assert.Equal(
            new InteractionContainer("message_attachment", "1548261231.000200", "CBR2V3XEX"),
            actions.Container);
        Assert.Equal(new SlackChannel("CBR2V3XEX", "review-updates"), actions.Channel);
        Assert.Equal(
            new InteractionMessage("1548261231.000200", "This content can't be displayed."), actions.Message);
        Assert.Equal(
            "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209",
            actions.ResponseUrl);
        Assert.Equal("12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3", actions.TriggerId);
        Assert.Equal("AABA1ABCD", actions.ApiAppId);
        var action = Assert.Single(actions.Actions);
        Assert.Equal("WaXA", action.ActionId);
        Assert.Equal("=qXel", action.BlockId);
        Assert.Equal("click_me_123", action.Value);
        Assert.Equal("button", action.Type);
        Assert.Equal("1548426417.840180", action.ActionTs);
        Assert.Equal("View", action.Text?.Text);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"true\"")]
    public void TryParse_EnterpriseGridOrgInstallWithNullTeam_Parses(string isEnterpriseInstall)
    {
        var json = $$"""
            {"type":"block_actions","team":null,"is_enterprise_install":{{isEnterpriseInstall}},
             "enterprise":{"id":"E0ABCDEFGH","name":"Org Name"},
             "user":{"id":"W0ABCDEFGH","username":"ana","team_id":"T0ABCDEFGH"},
             "container":{"type":"message","message_ts":"1.2","channel_id":"C0ABCDEFGH","is_ephemeral":false},
             "channel":{"id":"C0ABCDEFGH","name":"approvals"},
             "actions":[{"action_id":"approve","block_id":"b","value":"corr-1|tok","type":"button",
                         "action_ts":"3.4"}]}
            """;

        var parsed = InteractionPayload.TryParse(AsForm(json, "form"), out var payload, out var error);

        Assert.True(parsed, error);
        var actions = Assert.IsType<BlockActionsPayload>(payload);
        Assert.Null(actions.Team);
        Assert.Equal(new SlackEnterprise("E0ABCDEFGH", "Org Name"), actions.Enterprise);
        Assert.Equal("W0ABCDEFGH", actions.User.Id);
        Assert.True(actions.IsEnterpriseInstall);
        Assert.Null(actions.ResponseUrl);
    }

    [Fact]
    public void TryParse_ViewSubmission_ReadsStateAndPrivateMetadata()
    {
        const string json = """
            {"type":"view_submission","team":{"id":"T0ABCDEFGH","domain":"x"},"user":{"id":"U0ABCDEFGH"},
             "view":{"id":"V1","type":"modal","callback_id":"deny_reason","private_metadata":"corr-1|tok",
                     "state":{"values":{"reason":{"reason":{"type":"plain_text_input",
                                                          "value":"no + way *ever* 🚫"}},
                                        "other":{"pick":{"type":"static_select","selected_option":null}}}}}}
            """;

        var parsed = InteractionPayload.TryParse(AsForm(json, "form"), out var payload, out var error);

        Assert.True(parsed, error);
        var submission = Assert.IsType<ViewSubmissionPayload>(payload);
        Assert.Equal("deny_reason", submission.View.CallbackId);
        Assert.Equal("corr-1|tok", submission.View.PrivateMetadata);
        Assert.True(submission.View.State!.TryGetText("reason", "reason", out var reason));
        Assert.Equal("no + way *ever* 🚫", reason);
        Assert.False(submission.View.State.TryGetText("other", "pick", out _));
        Assert.False(submission.View.State.TryGetText("missing", "reason", out _));
    }

    [Fact]
    public void TryParse_ViewClosed_Parses()
    {
        const string json = """
            {"type":"view_closed","team":null,"user":{"id":"U0ABCDEFGH"},"is_cleared":true,
             "view":{"id":"V1","callback_id":"deny_reason","private_metadata":"m"}}
            """;

        var parsed = InteractionPayload.TryParse(AsForm(json, "uri"), out var payload, out var error);

        Assert.True(parsed, error);
        var closed = Assert.IsType<ViewClosedPayload>(payload);
        Assert.True(closed.IsCleared);
        Assert.Equal("m", closed.View.PrivateMetadata);
    }

    [Theory]
    [InlineData("shortcut")]
    [InlineData("message_action")]
    [InlineData("block_suggestion")]
    public void TryParse_OtherTypes_BecomeUnknownWithTheirType(string type)
    {
        var json = $$"""{"type":"{{type}}","user":{"id":"U1"},"anything":[1,2,3]}""";

        var parsed = InteractionPayload.TryParse(AsForm(json, "form"), out var payload, out var error);

        Assert.True(parsed, error);
        Assert.Equal(type, Assert.IsType<UnknownInteractionPayload>(payload).Type);
    }

    [Theory]
    [InlineData("token=x")]
    [InlineData("payload=")]
    [InlineData("payload=not+json")]
    [InlineData("payload=%7B")]
    [InlineData("payload=%5B%5D")]
    [InlineData("payload=null")]
    [InlineData("payload=%7B%7D")]
    [InlineData("payload=%7B%22type%22%3A1%7D")]
    public void TryParse_NotAPayload_FailsWithoutThrowing(string body)
    {
        var bytes = Encoding.ASCII.GetBytes(body);

        var parsed = InteractionPayload.TryParse(bytes, out var payload, out var error);

        Assert.False(parsed);
        Assert.Null(payload);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("""{"type":"block_actions","actions":[{"action_id":"a","block_id":"b","type":"button"}]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"}}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[null]}""")]
    [InlineData(WithUser + ""","actions":[{"block_id":"b","type":"button"}]}""")]
    [InlineData("""{"type":"block_actions","user":{},"actions":[""" + Action + "]}")]
    [InlineData("""{"type":"block_actions","user":{"id":null},"actions":[""" + Action + "]}")]
    [InlineData(WithUser + ""","team":{"domain":"x"},"actions":[""" + Action + "]}")]
    [InlineData(WithUser + ""","is_enterprise_install":5,"actions":[""" + Action + "]}")]
    [InlineData("""{"type":"block_actions","user":"U1","actions":[""" + Action + "]}")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"}}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":""" + BadState + "}")]
    [InlineData("""{"type":"view_closed","view":{"id":"V1"}}""")]
    public void TryParse_RequiredFieldMissingOrMistyped_FailsWithoutThrowing(string json)
    {
        var parsed = InteractionPayload.TryParseJson(json, out var payload, out var error);

        Assert.False(parsed);
        Assert.Null(payload);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryParse_DeeplyNestedJson_FailsWithoutThrowing()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);
        var json = """{"type":"block_actions","x":""" + nested + "}";

        var parsed = InteractionPayload.TryParseJson(json, out _, out var error);

        Assert.False(parsed);
        Assert.NotNull(error);
    }

    private static byte[] AsForm(string json, string encoder)
    {
        var encoded = encoder == "uri" ? Uri.EscapeDataString(json) : WebUtility.UrlEncode(json);
        return Encoding.ASCII.GetBytes("payload=" + encoded);
    }
}
