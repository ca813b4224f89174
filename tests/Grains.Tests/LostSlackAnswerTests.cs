using ApprovalBot.Grains.Tests.Support;
using ApprovalBot.Slack.WebApi;
using ApprovalBot.TestSupport.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Grains.Tests;

/// <summary>
/// Slack created the approval message but the grain never learnt its ts: the answer was a 5xx or a timeout, or the
/// cluster went down between the post and the state write. The grain must find the message in the channel's
/// history rather than post a second copy with live buttons.
/// </summary>
public sealed class LostSlackAnswerTests : IAsyncLifetime
{
    private static readonly SlackFailure ServerError = new(SlackFailureKind.Transient, "http_500");

    private readonly FakeTimeProvider _time = new(FakeClockClusterFixture.Start);
    private ContextOnFreshDatabase _fresh = null!;

    private RecordingSlack Slack => Context.Slack;

    private ApprovalTestContext Context => _fresh.Context;

    public async Task InitializeAsync() => _fresh = await ContextOnFreshDatabase.CreateAsync("lostanswer", _time);

    public async Task DisposeAsync() => await _fresh.DisposeAsync();

    [Fact]
    public async Task PostAnswered500ButApplied_RetryFindsTheMessage_PostedOnceAndRewrittenInPlace()
    {
        await using var cluster = await ApprovalTestCluster.StartAsync(Context);
        Slack.ApplyThenFailNext("chat.postMessage", 1, ServerError);
        var id = ApprovalDriver.NewCorrelationId();
        var grain = cluster.Grains.GetGrain<IApprovalGrain>(id);

        await grain.SubmitAsync(ApprovalDriver.Submission());
        var stored = await StoredTsAsync(grain);
        var token = ApprovalDriver.ButtonToken(ApprovalDriver.About(Slack, "chat.postMessage", id).Single(), id)!;
        var decision = await grain.DecideAsync(ApprovalDriver.Approve(TestIds.Approver1, token));

        var posted = Assert.Single(ApprovalDriver.About(Slack, "chat.postMessage", id));
        Assert.Equal(posted.Ts, stored);
        Assert.NotEmpty(Slack.CallsOf("conversations.history"));
        Assert.Equal(DecisionOutcome.Accepted, decision.Outcome);
        await Slack.WaitForAsync(s => ApprovalDriver.About(s, "chat.update", id).Any(u => u.Ts == posted.Ts),
            "the one approval message to be rewritten");
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Single(snapshot!.History, h => h.Event == "posted");
    }

    [Fact]
    public async Task PostCutOffByClusterStop_NextActivationFindsTheMessage_PostedOnce()
    {
        var id = ApprovalDriver.NewCorrelationId();
        await using (var first = await ApprovalTestCluster.StartAsync(Context))
        {
            // The post reaches Slack; the grain hears a 429 it would wait an hour on, so its state keeps the post
            // owed, exactly as a crash between the post and the state write leaves it.
            Slack.ApplyThenFailNext("chat.postMessage", 1,
                new SlackFailure(SlackFailureKind.RateLimited, "ratelimited", TimeSpan.FromHours(1)));
            await first.Grains.GetGrain<IApprovalGrain>(id).SubmitAsync(ApprovalDriver.Submission());
            await Slack.WaitForAsync(s => ApprovalDriver.About(s, "chat.postMessage", id).Count == 1,
                "the post to reach Slack with its answer lost");
        }

        await using var second = await ApprovalTestCluster.StartAsync(Context);
        var stored = await StoredTsAsync(second.Grains.GetGrain<IApprovalGrain>(id));

        var posted = Assert.Single(ApprovalDriver.About(Slack, "chat.postMessage", id));
        Assert.Equal(posted.Ts, stored);
    }

    [Fact]
    public async Task HistoryRefused_PostsAgainRatherThanNever()
    {
        await using var cluster = await ApprovalTestCluster.StartAsync(Context);
        Slack.ApplyThenFailNext("chat.postMessage", 1, ServerError);
        Slack.FailNext("conversations.history", 1, new SlackFailure(SlackFailureKind.SlackError, "missing_scope"));
        var id = ApprovalDriver.NewCorrelationId();
        var grain = cluster.Grains.GetGrain<IApprovalGrain>(id);

        await grain.SubmitAsync(ApprovalDriver.Submission());
        var stored = await StoredTsAsync(grain);

        var posts = ApprovalDriver.About(Slack, "chat.postMessage", id);
        Assert.Single(Slack.CallsOf("conversations.history"));
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[1].Ts, stored);
    }

    /// <summary>
    /// Lets retries fall due on the fake clock until the grain has stored a message ts: a second of fake time per
    /// quarter second of real time, for up to 30 s of real time (the request's 5-minute deadline is never reached).
    /// </summary>
    private async Task<string> StoredTsAsync(IApprovalGrain grain)
    {
        string? ts = null;
        for (var i = 0; i < 120 && ts is null; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(250);
            ts = (await grain.GetSnapshotAsync())?.MessageTs;
        }

        return ts ?? throw new TimeoutException("the grain never stored a message ts");
    }
}
