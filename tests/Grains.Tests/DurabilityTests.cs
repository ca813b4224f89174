using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.Grains.Tests.Support;
using ApprovalBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Grains.Tests;

/// <summary>Whole clusters stopped and started again on the same PostgreSQL database.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(FakeClockClusterFixture.Start);
    private TestDatabase _database = null!;
    private ApprovalTestContext _context = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("durability");
        await _database.MigrateAsync();
        _context = new ApprovalTestContext(_database.RuntimeConnectionString, _time);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SubmittedRequest_FullClusterRestart_StateSurvivesAndClickStillResolves()
    {
        var id = ApprovalDriver.NewCorrelationId();
        string token;
        await using (var first = await ApprovalTestCluster.StartAsync(_context))
        {
            token = await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, _context, id);
            await Eventually.HoldsAsync(
                async () => (await first.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync())!.MessageTs != null,
                "the message ts to be stored");
        }

        await using var second = await ApprovalTestCluster.StartAsync(_context);
        var grain = second.Grains.GetGrain<IApprovalGrain>(id);
        var before = await grain.GetSnapshotAsync();
        var decision = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));

        Assert.Equal(ApprovalStatus.Pending, before!.Status);
        Assert.EndsWith("@example.com", before.Email);
        Assert.Equal(DecisionOutcome.Accepted, decision.Outcome);
        var posted = ApprovalDriver.About(_context.Slack, "chat.postMessage", id).Single();
        await _context.Slack.WaitForAsync(
            s => ApprovalDriver.About(s, "chat.update", id).Any(u => u.Ts == posted.Ts),
            "the original message to be rewritten after the restart");
    }

    [Fact]
    public async Task Timeout_ClusterDownAcrossDeadline_ExpiresExactlyOnceAfterRestart()
    {
        var id = ApprovalDriver.NewCorrelationId();
        await using (var first = await ApprovalTestCluster.StartAsync(_context))
        {
            await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, _context, id);
            await Eventually.HoldsAsync(
                async () => (await first.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync())!.MessageTs != null,
                "the message ts to be stored");
        }

        _time.Advance(ApprovalOptions.DefaultTimeout + TimeSpan.FromMinutes(3));
        await using var second = await ApprovalTestCluster.StartAsync(_context);
        await FakeClock.AdvanceUntilAsync(_time, ApprovalOptions.DefaultWatchdogPeriod,
            () => ApprovalDriver.About(_context.Slack, "chat.update", id).Count >= 1,
            "the reminder to expire the request and rewrite its message after the restart");
        _time.Advance(ApprovalOptions.DefaultWatchdogPeriod);

        var snapshot = await second.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync();
        Assert.Equal(ApprovalStatus.Expired, snapshot!.Status);
        Assert.Single(snapshot.History, h => h.Event == "expired");
        Assert.Single(ApprovalDriver.About(_context.Slack, "chat.update", id));
        Assert.Single(ApprovalDriver.About(_context.Slack, "response_url", id));
    }

    [Fact]
    public async Task Reminder_ClusterDownAcrossItsTime_PostedOnceAfterRestart()
    {
        _context.Settings["Approval:RemindAfter:0"] = "00:02:00";
        var id = ApprovalDriver.NewCorrelationId();
        await using (var first = await ApprovalTestCluster.StartAsync(_context))
        {
            await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, _context, id);
            await Eventually.HoldsAsync(
                async () => (await first.Grains.GetGrain<IApprovalGrain>(id).GetSnapshotAsync())!.MessageTs != null,
                "the message ts to be stored");
        }

        _time.Advance(TimeSpan.FromMinutes(3));
        await using var second = await ApprovalTestCluster.StartAsync(_context);
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
        await using (var first = await ApprovalTestCluster.StartAsync(_context))
        {
            var token = await ApprovalDriver.SubmitAndAwaitPostAsync(first.Grains, _context, id);
            var grain = first.Grains.GetGrain<IApprovalGrain>(id);
            await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));
            Assert.Empty(await first.Grains.GetGrain<IRequesterIndexGrain>(index).ListAsync());
        }

        await using var second = await ApprovalTestCluster.StartAsync(_context);
        Assert.Empty(await second.Grains.GetGrain<IRequesterIndexGrain>(index).ListAsync());
    }

    private IReadOnlyList<SlackCall> Reminders(string id) =>
        [.. _context.Slack.Succeeded("chat.postMessage")
            .Where(c => c.Text.Contains("Reminder", StringComparison.Ordinal)
                && c.Text.Contains(id, StringComparison.Ordinal))];
}
