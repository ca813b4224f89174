using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.Grains.Tests.Support;

namespace ApprovalBot.Grains.Tests;

[Collection(FakeClockCluster.Name)]
public sealed class ApprovalGrainDecisionTests(FakeClockClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private ApprovalTestContext Context => fixture.Context;

    [Fact]
    public async Task Submit_NewRequest_IsPendingAndPostedWithButtons()
    {
        var id = ApprovalDriver.NewCorrelationId();

        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);

        var snapshot = await Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync();
        Assert.NotNull(snapshot);
        Assert.Equal(ApprovalStatus.Pending, snapshot.Status);
        Assert.Equal(fixture.Time.GetUtcNow() + ApprovalOptions.DefaultTimeout, snapshot.Deadline);
        Assert.True(token.Length >= 22, "a callback token carries at least 128 random bits");
        await ApprovalDriver.WaitForStoredTsAsync(Grains, id);
    }

    [Fact]
    public async Task Submit_SameCorrelationIdTwice_ReturnsTheStoredRequest()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var grain = Grains.GetGrain<IApprovalGrain>(id);
        var first = await grain.SubmitAsync(ApprovalDriver.Submission("first@example.com"));

        var second = await grain.SubmitAsync(ApprovalDriver.Submission("second@example.com"));

        Assert.Equal(SubmitOutcome.Created, first.Outcome);
        Assert.Equal(SubmitOutcome.AlreadyExists, second.Outcome);
        Assert.Equal(first.Deadline, second.Deadline);
        Assert.Equal("first@example.com", (await grain.GetSnapshotAsync())!.Email);
    }

    [Fact]
    public async Task Decide_TwentyConcurrentClicks_ExactlyOneAcceptedOthersNameTheDecider()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        string[] approvers = [TestIds.Approver1, TestIds.Approver2, TestIds.Approver3];
        var grain = Grains.GetGrain<IApprovalGrain>(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => grain.DecideAsync(ApprovalDriver.Approve(approvers[i % 3], token))));

        var accepted = Assert.Single(results, r => r.Outcome == DecisionOutcome.Accepted);
        var others = results.Where(r => r.Outcome != DecisionOutcome.Accepted).ToList();
        Assert.Equal(19, others.Count);
        Assert.All(others, r => Assert.Equal(DecisionOutcome.AlreadyDecided, r.Outcome));
        Assert.All(others, r => Assert.Equal(accepted.DecidedBy, r.DecidedBy));
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Approved, snapshot!.Status);
        Assert.Single(snapshot.History, h => h.Event == "approved");
    }

    [Fact]
    public async Task Decide_RefusedClicks_ChangeNothingAndSayWhy()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);
        var grain = Grains.GetGrain<IApprovalGrain>(id);

        var wrongToken = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token + "x"));
        var otherChannel = await grain.DecideAsync(
            ApprovalDriver.Approve(TestIds.Approver1, token, TestIds.OtherChannel));
        var outsider = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Outsider, token));
        var requester = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Requester, token));
        var unknown = await Grains.GetGrain<IApprovalGrain>(ApprovalDriver.NewCorrelationId())
            .DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));

        Assert.Equal(DecisionOutcome.BadToken, wrongToken.Outcome);
        Assert.Equal(DecisionOutcome.WrongChannel, otherChannel.Outcome);
        Assert.Equal(DecisionOutcome.NotAnApprover, outsider.Outcome);
        Assert.Equal(DecisionOutcome.OwnRequest, requester.Outcome);
        Assert.Equal(DecisionOutcome.NotFound, unknown.Outcome);
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Pending, snapshot!.Status);
        Assert.Empty(snapshot.Approvals);
        Assert.Empty(ApprovalDriver.About(Context.Slack, "chat.update", id));
    }

    [Fact]
    public async Task Deny_ByApprover_ClosesRewritesAndNotifiesOnce()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, Context, id);

        var result = await Grains.GetGrain<IApprovalGrain>(id).DecideAsync(
            new DecisionRequest(TestIds.Approver2, TestIds.ApprovalChannel, token, DecisionKind.Deny));

        Assert.Equal(DecisionOutcome.Accepted, result.Outcome);
        Assert.Equal(ApprovalStatus.Denied, result.Status);
        await Context.Slack.WaitForAsync(
            s => ApprovalDriver.About(s, "response_url", id).Count == 1
                && ApprovalDriver.About(s, "chat.update", id).Count == 1,
            "one rewrite and one requester notice");
        var update = ApprovalDriver.About(Context.Slack, "chat.update", id).Single();
        Assert.Null(ApprovalDriver.ButtonToken(update, id));
    }
}
