using ApprovalBot.Grains.Tests.Support;
using ApprovalBot.Slack.WebApi;
using ApprovalBot.TestSupport.Cluster;

namespace ApprovalBot.Grains.Tests;

[Collection(QuorumCluster.Name)]
public sealed class QuorumAndNudgeTests(QuorumClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private ApprovalTestContext Context => fixture.Context;

    [Fact]
    public async Task Quorum_OneApproval_StaysPendingAndShowsProgress()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var grain = Grains.GetGrain<IApprovalGrain>(id);

        var first = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));
        var again = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));

        Assert.Equal(DecisionOutcome.RecordedAwaitingMoreApprovals, first.Outcome);
        Assert.Equal(DecisionOutcome.AlreadyCounted, again.Outcome);
        Assert.Equal(1, again.Approvals);
        Assert.Equal(ApprovalStatus.Pending, (await grain.GetSnapshotAsync())!.Status);
        await Context.Slack.WaitForAsync(s => ApprovalDriver.About(s, "chat.update", id).Count == 1,
            "one progress update");
        var progress = ApprovalDriver.About(Context.Slack, "chat.update", id).Single();
        Assert.NotNull(ApprovalDriver.ButtonToken(progress, id));
        Assert.Contains("1 of 2", MessageJson(progress), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quorum_SecondDistinctApprover_ApprovesOnce()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var grain = Grains.GetGrain<IApprovalGrain>(id);
        await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));

        var second = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver2, token));

        Assert.Equal(DecisionOutcome.Accepted, second.Outcome);
        Assert.Equal(ApprovalStatus.Approved, second.Status);
        Assert.Equal(2, second.Approvals);
        await Context.Slack.WaitForAsync(s => ApprovalDriver.About(s, "response_url", id).Count == 1,
            "one requester notice");
    }

    [Fact]
    public async Task Quorum_DenialAfterOneApproval_Denies()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var grain = Grains.GetGrain<IApprovalGrain>(id);
        await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));

        var denial = await grain.DecideAsync(
            new DecisionRequest(TestIds.Approver2, TestIds.ApprovalChannel, token, DecisionKind.Deny, "no budget"));

        Assert.Equal(DecisionOutcome.Accepted, denial.Outcome);
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Denied, snapshot!.Status);
        Assert.Equal("no budget", snapshot.DecisionReason);
    }

    [Fact]
    public async Task Quorum_FiftyConcurrentClicksFromFiveApprovers_OneOutcome()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        string[] approvers =
            [TestIds.Approver1, TestIds.Approver2, TestIds.Approver3, TestIds.Approver4, TestIds.Approver5];
        var grain = Grains.GetGrain<IApprovalGrain>(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => grain.DecideAsync(ApprovalDriver.Approve(approvers[i % 5], token))));

        Assert.Single(results, r => r.Outcome == DecisionOutcome.Accepted);
        Assert.Single(results, r => r.Outcome == DecisionOutcome.RecordedAwaitingMoreApprovals);
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Approved, snapshot!.Status);
        Assert.Equal(2, snapshot.Approvals.Select(a => a.ApproverUserId).Distinct().Count());
        Assert.Single(snapshot.History, h => h.Event == "approved");
    }

    [Fact]
    public async Task Nudges_TimePasses_RemindsTwiceInThreadThenEscalatesWithButtons()
    {
        var id = ApprovalDriver.NewCorrelationId();
        await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var posted = ApprovalDriver.About(Context.Slack, "chat.postMessage", id).Single();

        await FakeClock.AdvanceUntilAsync(fixture.Time, TimeSpan.FromSeconds(30),
            () => Threaded(id, posted.Ts!).Count == 2 && Escalations(id).Count == 1,
            "two reminders in the thread and one escalation");

        Assert.NotNull(ApprovalDriver.ButtonToken(Escalations(id).Single(), id));
        var history = (await Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync())!.History;
        Assert.Equal(2, history.Count(h => h.Event == "reminded"));
        Assert.Single(history, h => h.Event == "escalated");
    }

    [Fact]
    public async Task Escalated_DecisionFromEscalationChannel_RewritesBothMessages()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        await FakeClock.AdvanceUntilAsync(fixture.Time, TimeSpan.FromSeconds(30), () => Escalations(id).Count == 1,
            "the escalation post");
        var grain = Grains.GetGrain<IApprovalGrain>(id);

        await grain.DecideAsync(
            ApprovalDriver.Approve(TestIds.Approver1, token, QuorumClusterFixture.EscalationChannel));
        var final = await grain.DecideAsync(
            new DecisionRequest(TestIds.Approver2, QuorumClusterFixture.EscalationChannel, token, DecisionKind.Deny));

        Assert.Equal(DecisionOutcome.Accepted, final.Outcome);
        await Context.Slack.WaitForAsync(
            s => ApprovalDriver.About(s, "chat.update", id).Select(c => c.Channel).Distinct().Count() == 2
                && ApprovalDriver.About(s, "chat.update", id)
                    .Count(c => ApprovalDriver.ButtonToken(c, id) is null) == 2,
            "final rewrites of the approval and the escalation message");
    }

    [Fact]
    public async Task Nudges_DecidedBeforeTheirTime_NoReminderAndNoEscalation()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var posted = ApprovalDriver.About(Context.Slack, "chat.postMessage", id).Single();
        var grain = Grains.GetGrain<IApprovalGrain>(id);
        await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));
        await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver2, token));

        for (var step = 0; step < 8; step++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(30));
        }

        await Context.Slack.WaitForAsync(s => ApprovalDriver.About(s, "response_url", id).Count == 1,
            "the requester's notice");
        Assert.Empty(Threaded(id, posted.Ts!));
        Assert.Empty(Escalations(id));
        Assert.DoesNotContain((await grain.GetSnapshotAsync())!.History, h => h.Event is "reminded" or "escalated");
    }

    private IReadOnlyList<SlackCall> Threaded(string id, string ts) =>
        [.. Context.Slack.Succeeded("chat.postMessage")
            .Where(c => c.Request is PostMessageRequest { ThreadTs: var thread } && thread == ts
                && c.Text.Contains("Reminder", StringComparison.Ordinal)
                && c.Text.Contains(id, StringComparison.Ordinal))];

    private IReadOnlyList<SlackCall> Escalations(string id) =>
        [.. ApprovalDriver.About(Context.Slack, "chat.postMessage", id)
            .Where(c => c.Channel == QuorumClusterFixture.EscalationChannel)];

    private static string MessageJson(SlackCall call) =>
        System.Text.Json.JsonSerializer.Serialize(
            ((UpdateMessageRequest)call.Request).Message, ApprovalBot.Slack.SlackJson.Options);
}
