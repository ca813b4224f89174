using ApprovalBot.Grains.Tests.Support;
using ApprovalBot.TestSupport.Cluster;

namespace ApprovalBot.Grains.Tests;

[Collection(LongTimeoutCluster.Name)]
public sealed class PerRequestTimeoutTests(LongTimeoutClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    public static TheoryData<string> Timeouts => ["00:02:00", "2.00:00:00", "60.00:00:00"];

    [Theory]
    [MemberData(nameof(Timeouts))]
    public async Task Timeout_PerRequest_ExpiresOnceAtItsOwnDeadline(string timeoutText)
    {
        var timeout = TimeSpan.Parse(timeoutText, System.Globalization.CultureInfo.InvariantCulture);
        var id = ApprovalDriver.NewCorrelationId();
        await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, fixture.Context, id,
            ApprovalDriver.Submission(timeout: timeout));
        var grain = Grains.GetGrain<IApprovalGrain>(id);
        var deadline = (await grain.GetSnapshotAsync())!.Deadline;

        fixture.Time.Advance(timeout - TimeSpan.FromSeconds(5));
        var before = (await grain.GetSnapshotAsync())!.Status;
        await FakeClock.AdvanceUntilAsync(fixture.Time, TimeSpan.FromSeconds(30),
            () => ApprovalDriver.About(fixture.Context.Slack, "chat.update", id).Count == 1,
            $"the request with a {timeoutText} timeout to expire and be rewritten");
        fixture.Time.Advance(ApprovalOptions.DefaultWatchdogPeriod);

        Assert.Equal(ApprovalStatus.Pending, before);
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Expired, snapshot!.Status);
        Assert.Equal(deadline, snapshot.ClosedAt);
        Assert.Single(snapshot.History, h => h.Event == "expired");
        Assert.Single(ApprovalDriver.About(fixture.Context.Slack, "chat.update", id));
    }

    [Fact]
    public async Task Timeout_OverMaximum_RefusedWithReason()
    {
        var id = ApprovalDriver.NewCorrelationId();

        var result = await Grains.GetGrain<IApprovalGrain>(id)
            .SubmitAsync(ApprovalDriver.Submission(timeout: TimeSpan.FromDays(91)));

        Assert.Equal(SubmitOutcome.InvalidTimeout, result.Outcome);
        Assert.Contains("90 days", result.Problem, StringComparison.Ordinal);
        Assert.Null(await Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync());
    }

    [Fact]
    public async Task Cancel_RacingApproval_ExactlyOneOutcome()
    {
        for (var round = 0; round < 10; round++)
        {
            var id = ApprovalDriver.NewCorrelationId();
            var token = await ApprovalDriver.SubmitAndAwaitPostAsync(Grains, fixture.Context, id);
            var grain = Grains.GetGrain<IApprovalGrain>(id);

            var cancel = grain.CancelAsync(new CancelRequest(TestIds.Requester));
            var approve = grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));
            await Task.WhenAll(cancel, approve);

            var cancelled = (await cancel).Outcome == CancelOutcome.Cancelled;
            var approved = (await approve).Outcome == DecisionOutcome.Accepted;
            Assert.True(cancelled ^ approved, $"round {round}: exactly one of cancel and approve wins");
            var snapshot = await grain.GetSnapshotAsync();
            Assert.Equal(cancelled ? ApprovalStatus.Cancelled : ApprovalStatus.Approved, snapshot!.Status);
            Assert.Single(snapshot.History, h => h.Event is "cancelled" or "approved");
        }
    }
}
