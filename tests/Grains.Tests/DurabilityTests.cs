using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.Grains.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Grains.Tests;

/// <summary>Whole clusters stopped and started again on the same PostgreSQL database.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(FakeClockClusterFixture.Start);
    private ContextOnFreshDatabase _fresh = null!;

    private ApprovalTestContext Context => _fresh.Context;

    public async Task InitializeAsync() => _fresh = await ContextOnFreshDatabase.CreateAsync("durability", _time);

    public async Task DisposeAsync() => await _fresh.DisposeAsync();

    [Fact]
    public async Task SubmittedRequest_FullClusterRestart_StateSurvivesAndClickStillResolves()
    {
        var id = ApprovalDriver.NewCorrelationId();
        string token;
        await using (var first = await ApprovalTestCluster.StartAsync(Context))
        {
            token = await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, Context, id);
            await ApprovalDriver.WaitForStoredTsAsync(first.Grains, id);
        }

        await using var second = await ApprovalTestCluster.StartAsync(Context);
        var grain = second.Grains.GetGrain<IApprovalGrain>(id);
        var before = await grain.GetSnapshotAsync();
        var decision = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));

        Assert.Equal(ApprovalStatus.Pending, before!.Status);
        Assert.EndsWith("@example.com", before.Email);
        Assert.Equal(DecisionOutcome.Accepted, decision.Outcome);
        var posted = ApprovalDriver.About(Context.Slack, "chat.postMessage", id).Single();
        await Context.Slack.WaitForAsync(
            s => ApprovalDriver.About(s, "chat.update", id).Any(u => u.Ts == posted.Ts),
            "the original message to be rewritten after the restart");
    }

    [Fact]
    public async Task Timeout_ClusterDownAcrossDeadline_ExpiresExactlyOnceAfterRestart()
    {
        var id = ApprovalDriver.NewCorrelationId();
        await using (var first = await ApprovalTestCluster.StartAsync(Context))
        {
            await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, Context, id);
            await ApprovalDriver.WaitForStoredTsAsync(first.Grains, id);
        }

        _time.Advance(ApprovalOptions.DefaultTimeout + TimeSpan.FromMinutes(3));
        await using var second = await ApprovalTestCluster.StartAsync(Context);
        await FakeClock.AdvanceUntilAsync(_time, ApprovalOptions.DefaultWatchdogPeriod,
            () => ApprovalDriver.About(Context.Slack, "chat.update", id).Count >= 1,
            "the reminder to expire the request and rewrite its message after the restart");
        _time.Advance(ApprovalOptions.DefaultWatchdogPeriod);

        var snapshot = await second.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Expired, snapshot!.Status);
        Assert.Single(snapshot.History, h => h.Event == "expired");
        Assert.Single(ApprovalDriver.About(Context.Slack, "chat.update", id));
        Assert.Single(ApprovalDriver.About(Context.Slack, "response_url", id));
    }

    [Fact]
    public async Task Reminder_ClusterDownAcrossItsTime_PostedOnceAfterRestart()
    {
        Context.Settings["Approval:RemindAfter:0"] = "00:02:00";
        var id = ApprovalDriver.NewCorrelationId();
        await using (var first = await ApprovalTestCluster.StartAsync(Context))
        {
            await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, Context, id);
            await ApprovalDriver.WaitForStoredTsAsync(first.Grains, id);
        }

        _time.Advance(TimeSpan.FromMinutes(3));
        await using var second = await ApprovalTestCluster.StartAsync(Context);
        await FakeClock.AdvanceUntilAsync(_time, TimeSpan.FromSeconds(30),
            () => Reminders(id).Count >= 1, "the reminder after the restart");
        _time.Advance(ApprovalOptions.DefaultWatchdogPeriod);

        Assert.Single(Reminders(id));
        var snapshot = await second.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Pending, snapshot!.Status);
        Assert.Single(snapshot.History, h => h.Event == "reminded");
    }

    [Fact]
    public async Task ClosedRequest_RemovedFromRequesterIndex_StaysRemovedAfterRestart()
    {
        var id = ApprovalDriver.NewCorrelationId();
        var index = RequesterIndexKey.For(TestIds.Team, TestIds.Requester);
        await using (var first = await ApprovalTestCluster.StartAsync(Context))
        {
            var token = await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, Context, id);
            var grain = first.Grains.GetGrain<IApprovalGrain>(id);
            await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));
            Assert.Empty(await first.Grains.GetGrain<IRequesterIndexGrain>(index).ListAsync());
        }

        await using var second = await ApprovalTestCluster.StartAsync(Context);
        Assert.Empty(await second.Grains.GetGrain<IRequesterIndexGrain>(index).ListAsync());
    }

    private IReadOnlyList<SlackCall> Reminders(string id) =>
        [.. Context.Slack.Succeeded("chat.postMessage")
            .Where(c => c.Text.Contains("Reminder", StringComparison.Ordinal)
                && c.Text.Contains(id, StringComparison.Ordinal))];
}
