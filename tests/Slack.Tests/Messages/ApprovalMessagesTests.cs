using System.Text.Json;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.Messages;
using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.Slack.Tests.Messages;

public sealed class ApprovalMessagesTests
{
    private const string Yours = "Your approval request for ana@example.com ";

    public static TheoryData<ApprovalCardStatus> AllStatuses =>
    [
        ApprovalCardStatus.Pending,
        ApprovalCardStatus.Approved,
        ApprovalCardStatus.Denied,
        ApprovalCardStatus.Expired,
        ApprovalCardStatus.Cancelled,
    ];

    public static TheoryData<ApprovalCardStatus> FinalStatuses =>
    [
        ApprovalCardStatus.Approved,
        ApprovalCardStatus.Denied,
        ApprovalCardStatus.Expired,
        ApprovalCardStatus.Cancelled,
    ];

    [Fact]
    public void RevisionOf_TheRenderedCardAsHistoryShowsIt_GivesItsRevision()
    {
        var card = ApprovalCards.Pending() with { Revision = 3 };
        var rendered = ApprovalMessages.Render(card);
        var inHistory = new HistoryMessage("1.2", [.. rendered.Blocks.Select(b => b.BlockId).OfType<string>()]);

        Assert.Equal(3, ApprovalMessages.RevisionOf(inHistory, card.CorrelationId));
    }

    [Theory]
    [InlineData("corr-other.r0.header")]
    [InlineData("corr-1x.r0.header")]
    [InlineData("corr-1.rX.header")]
    [InlineData("corr-1.r.header")]
    [InlineData("corr-1.r7")]
    [InlineData("")]
    public void RevisionOf_AnotherRequestsOrAForeignBlockId_IsNull(string blockId)
    {
        var message = new HistoryMessage("1.2", [blockId]);

        Assert.Null(ApprovalMessages.RevisionOf(message, "corr-1"));
    }

    [Fact]
    public void Render_Pending_ApproveAndDenyButtonsCarryTheButtonValue()
    {
        var card = ApprovalCards.Pending();

        var message = ApprovalMessages.Render(card);

        var actions = Assert.Single(message.Blocks.OfType<ActionsBlock>());
        var buttons = actions.Elements.Cast<ButtonElement>().ToList();
        var expectedValue = ButtonValue.Format(card.CorrelationId, card.CallbackToken);
        Assert.Equal(
            [("approve", "Approve", ButtonStyle.Primary), ("deny", "Deny", ButtonStyle.Danger)],
            buttons.Select(b => (b.ActionId, b.Text.Text, b.Style!.Value)));
        Assert.All(buttons, b => Assert.Equal(expectedValue, b.Value));
    }

    [Fact]
    public void Render_Pending_ShowsRequesterEmailReasonCorrelationAndDeadline()
    {
        var card = ApprovalCards.Pending();

        var text = AllText(ApprovalMessages.Render(card));

        Assert.Contains("<@U0REQUESTR>", text, StringComparison.Ordinal);
        Assert.Contains("ana@example.com", text, StringComparison.Ordinal);
        Assert.Contains(">Needs prod access for the release", text, StringComparison.Ordinal);
        Assert.Contains("corr-7d9f2c4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f", text, StringComparison.Ordinal);
        Assert.Contains(Mrkdwn.Date(card.Deadline), text, StringComparison.Ordinal);
        Assert.DoesNotContain(card.CallbackToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PendingWithoutReason_SaysNoneGiven()
    {
        var text = AllText(ApprovalMessages.Render(ApprovalCards.Pending(reason: "  \n ")));

        Assert.Contains("*Reason:* _none given_", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PendingQuorum_ShowsProgressWithMentions()
    {
        var card = ApprovalCards.Pending(required: 2) with
        {
            Approvals = [new CardApproval("U1", ApprovalCards.Created)],
        };

        var message = ApprovalMessages.Render(card);

        Assert.Contains("1 of 2 approvals: <@U1>", AllText(message), StringComparison.Ordinal);
        Assert.Single(message.Blocks.OfType<ActionsBlock>());
    }

    [Fact]
    public void Render_PendingSingleApprover_NoQuorumLine()
    {
        var text = AllText(ApprovalMessages.Render(ApprovalCards.Pending()));

        Assert.DoesNotContain("approvals", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FinalStatuses))]
    public void Render_Final_NoButtonsAndAnOutcome(ApprovalCardStatus status)
    {
        var message = ApprovalMessages.Render(ApprovalCards.Final(status));

        Assert.Empty(message.Blocks.OfType<ActionsBlock>());
        Assert.Contains($"*{status}*", AllText(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApprovalCardStatus.Approved, "*Approved* by <@U0APPROVER> at ")]
    [InlineData(ApprovalCardStatus.Denied, "*Denied* by <@U0APPROVER> at ")]
    [InlineData(ApprovalCardStatus.Expired, "*Expired* at ")]
    public void Render_Final_SaysWhoAndWhen(ApprovalCardStatus status, string expected)
    {
        var card = ApprovalCards.Final(status);

        var text = AllText(ApprovalMessages.Render(card));

        Assert.Contains(expected + Mrkdwn.Date(card.DecidedAt!.Value), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeniedWithReason_QuotesTheEscapedReason()
    {
        var card = ApprovalCards.Final(ApprovalCardStatus.Denied, "not during <!here> freeze & holidays");

        var text = AllText(ApprovalMessages.Render(card));

        const string expected = "*Decision reason:*\n>not during &lt;!here&gt; freeze &amp; holidays";
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NextRevision_EveryBlockIdIsNew()
    {
        var first = ApprovalMessages.Render(ApprovalCards.Pending());
        var second = ApprovalMessages.Render(ApprovalCards.Pending() with { Revision = 2 });

        var firstIds = first.Blocks.Select(b => b.BlockId).ToHashSet();

        Assert.All(second.Blocks, b => Assert.DoesNotContain(b.BlockId, firstIds));
        Assert.All(first.Blocks.Concat(second.Blocks), b => Assert.False(string.IsNullOrEmpty(b.BlockId)));
        Assert.Equal(first.Blocks.Count, firstIds.Count);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Render_HostileInput_RespectsEverySlackLimit(ApprovalCardStatus status)
    {
        var card = ApprovalCards.Hostile(status) with { Status = status };

        var message = ApprovalMessages.Render(card);

        LimitAssertions.WithinSlackLimits(message);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Render_HostileInput_PingsNobodyAndLinksNothing(ApprovalCardStatus status)
    {
        var card = ApprovalCards.Hostile(status) with { Status = status };

        var message = ApprovalMessages.Render(card);

        LimitAssertions.OnlyOurTokens(message, [.. Approvers(card), card.RequesterUserId, "U0APPROVER"]);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Render_HostileInput_UserLinesStayQuoted(ApprovalCardStatus status)
    {
        var card = ApprovalCards.Hostile(status) with { Status = status };

        var details = ((SectionBlock)ApprovalMessages.Render(card).Blocks[1]).Text.Text;

        var reasonLines = details.Split('\n').SkipWhile(l => l != "*Reason:*").Skip(1)
            .TakeWhile(l => !l.StartsWith("*Requested:*", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reasonLines);
        Assert.All(reasonLines, l => Assert.StartsWith(">", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TenThousandCharacterReasonAndAmpersands_StillWithinLimits()
    {
        var card = ApprovalCards.Pending(reason: new string('&', 10_000)) with
        {
            Email = new string('<', 5_000),
            CorrelationId = "corr-" + new string('x', 1_500),
        };

        var message = ApprovalMessages.Render(card with { CallbackToken = "t" });

        LimitAssertions.WithinSlackLimits(message);
    }

    [Fact]
    public void Render_PendingWithIdsTooLongForAButtonValue_Throws()
    {
        var card = ApprovalCards.Pending() with { CorrelationId = "corr-" + new string('x', 2_000) };

        Assert.Throws<ArgumentException>(() => ApprovalMessages.Render(card));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void RequesterNotice_HostileInput_WithinLimitsAndEscaped(ApprovalCardStatus status)
    {
        var card = ApprovalCards.Hostile(status) with { Status = status };

        var notice = ApprovalMessages.RequesterNotice(card);

        LimitAssertions.WithinSlackLimits(notice);
        LimitAssertions.OnlyOurTokens(notice, ["U0APPROVER", .. Approvers(card)]);
    }

    [Theory]
    [InlineData(ApprovalCardStatus.Approved, Yours + "was approved by <@U0APPROVER> at ")]
    [InlineData(ApprovalCardStatus.Denied, Yours + "was denied by <@U0APPROVER> at ")]
    [InlineData(ApprovalCardStatus.Expired, Yours + "expired at ")]
    [InlineData(ApprovalCardStatus.Pending, Yours + "is waiting for a decision until ")]
    public void RequesterNotice_Outcome_ToldPlainly(ApprovalCardStatus status, string expected)
    {
        var card = status == ApprovalCardStatus.Pending
            ? ApprovalCards.Pending()
            : ApprovalCards.Final(status);

        var notice = ApprovalMessages.RequesterNotice(card);

        Assert.StartsWith(expected, notice.Text, StringComparison.Ordinal);
        Assert.Contains(card.CorrelationId, AllText(notice), StringComparison.Ordinal);
        Assert.DoesNotContain(card.CallbackToken, AllText(notice), StringComparison.Ordinal);
    }

    [Fact]
    public void RequesterNotice_DeniedWithReason_IncludesReason()
    {
        var card = ApprovalCards.Final(ApprovalCardStatus.Denied, "freeze");

        var notice = ApprovalMessages.RequesterNotice(card);

        Assert.Contains("*Decision reason:*\n>freeze", AllText(notice), StringComparison.Ordinal);
    }

    [Fact]
    public void Ephemeral_LongText_CutToOneSectionWithFallback()
    {
        var message = ApprovalMessages.Ephemeral("Already approved by <@U1>. " + new string('x', 5_000));

        var section = Assert.IsType<SectionBlock>(Assert.Single(message.Blocks));
        Assert.True(section.Text.Text.Length <= SlackLimits.SectionText);
        Assert.StartsWith("Already approved by <@U1>.", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Render_AnyStatus_SerializesWithSlackJson(ApprovalCardStatus status)
    {
        var card = ApprovalCards.Hostile(status) with { Status = status };

        var json = JsonSerializer.Serialize(ApprovalMessages.Render(card).Blocks, SlackJson.Options);

        Assert.Contains("\"type\":\"header\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DenyReasonModal_CarriesButtonValueAndFitsLimits()
    {
        var value = ButtonValue.Format("corr-1", "tok");

        var modal = ApprovalModals.DenyReason(value);

        Assert.Equal(value, modal.PrivateMetadata);
        Assert.Equal(ApprovalModals.DenyReasonCallbackId, modal.CallbackId);
        Assert.True(modal.Title.Text.Length <= SlackLimits.ModalTitle);
        var input = Assert.IsType<InputBlock>(Assert.Single(modal.Blocks));
        Assert.Equal(ApprovalModals.ReasonBlockId, input.BlockId);
        Assert.Equal(500, Assert.IsType<PlainTextInputElement>(input.Element).MaxLength);
    }

    private static IEnumerable<string> Approvers(ApprovalCard card) =>
        card.Approvals.Select(a => a.ApproverUserId);

    private static string AllText(SlackMessage message) =>
        string.Join("\n", LimitAssertions.Texts(message).Prepend(message.Text));
}
