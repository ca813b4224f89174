using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.Grains.Tests.Support;

namespace ApprovalBot.Grains.Tests;

[Collection(FakeClockCluster.Name)]
public sealed class ApprovalGrainTimeoutTests(FakeClockClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private ApprovalTestContext Context => fixture.Context;

    [Fact]
    public async Task Timeout_DeadlinePasses_ExpiresOnceRewritesAndNotifies()
    {
        var id = ApprovalDriver.NewCorrelationId();
        await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var grain = Grains.GetGrain<IApprovalGrain>(id);

        fixture.Time.Advance(ApprovalOptions.DefaultTimeout + TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(
            async () => (await grain.GetSnapshotAsync())!.Status == ApprovalStatus.Expired, "the request to expire");
        fixture.Time.Advance(ApprovalOptions.DefaultWatchdogPeriod);
        await Context.Slack.WaitForAsync(
            s => ApprovalDriver.About(s, "chat.update", id).Count == 1
                && ApprovalDriver.About(s, "response_url", id).Count == 1,
            "one rewrite to expired and one requester notice");

        var snapshot = await grain.GetSnapshotAsync();
        Assert.Single(snapshot!.History, h => h.Event == "expired");
        Assert.Equal(snapshot.Deadline, snapshot.ClosedAt);
        Assert.Equal(0, snapshot.PendingSlackCalls);
        Assert.Single(ApprovalDriver.About(Context.Slack, "chat.update", id));
    }

    [Fact]
    public async Task DecisionRacingTimeout_EitherWins_ExactlyOneTerminalStateAndHistoryAgrees()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var grain = Grains.GetGrain<IApprovalGrain>(id);
        fixture.Time.Advance(ApprovalOptions.DefaultTimeout - TimeSpan.FromMilliseconds(1));

        var click = Task.Run(() => grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token)));
        fixture.Time.Advance(TimeSpan.FromMilliseconds(2));
        var decision = await click;
        await Eventually.HoldsAsync(async () => (await grain.GetSnapshotAsync())!.Status != ApprovalStatus.Pending,
            "a terminal state");

        var snapshot = await grain.GetSnapshotAsync();
        var terminalEvents = snapshot!.History.Count(h => h.Event is "approved" or "expired");
        Assert.Equal(1, terminalEvents);
        Assert.Contains(snapshot.Status, new[] { ApprovalStatus.Approved, ApprovalStatus.Expired });
        Assert.Equal(snapshot.Status == ApprovalStatus.Approved, decision.Outcome == DecisionOutcome.Accepted);
        Assert.Equal(snapshot.Status == ApprovalStatus.Expired, decision.Outcome == DecisionOutcome.Expired);
    }

    [Fact]
    public async Task Retention_NinetyDaysAfterClose_StateAndIndexEntryErased()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var grain = Grains.GetGrain<IApprovalGrain>(id);
        await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));
        await Eventually.HoldsAsync(async () => (await grain.GetSnapshotAsync())!.PendingSlackCalls == 0,
            "the outcome's Slack calls to be done");

        fixture.Time.Advance(ApprovalOptions.DefaultRetention - TimeSpan.FromHours(1));
        var stillKept = await grain.GetSnapshotAsync();
        await FakeClock.AdvanceUntilAsync(fixture.Time, TimeSpan.FromHours(1),
            () => grain.GetSnapshotAsync().GetAwaiter().GetResult() is null, "the request to be erased");

        Assert.NotNull(stillKept);
        var index = Grains.GetGrain<IRequesterIndexGrain>(RequesterIndexKey.For(TestIds.Team, TestIds.Requester));
        Assert.DoesNotContain(await index.ListAsync(), e => e.CorrelationId == id);
    }
}
