using ApprovalBot.Api.Tests.Support;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.SlackFailures;

/// <summary>A product whose sandbox refuses a second post to a channel within a second, as Slack does.</summary>
public sealed class PacedProductFixture : ProductFixture
{
    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync("paced",
        settings: s => s["Slack:PostsPerSecondPerChannel"] = "1",
        sandbox: o => o.EnforceRateLimits = true);
}

/// <summary>
/// A burst of commands against Slack's posting rate: every request is acknowledged at once and its message is posted
/// once, in turn, without running into the rate limit.
/// </summary>
public sealed class PacingTests(PacedProductFixture fixture) : IClassFixture<PacedProductFixture>
{
    private const int Burst = 6;

    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Burst_AtSlacksPostingRate_EachMessagePostedOnceAndPacedWithoutRefusals()
    {
        // A first request warms the cluster up, so that no command of the burst outlasts the Api's grain budget.
        var warmUp = await Sandbox.CommandAsync(SandboxUsers.Alice, "burst-warm-up@example.com");
        await Sandbox.WaitForApprovalMessageAsync(warmUp.CorrelationId!);

        var commands = Enumerable.Range(0, Burst)
            .Select(i => Sandbox.CommandAsync(SandboxUsers.Alice, $"burst-{i}@example.com"));
        var replies = await Task.WhenAll(commands);

        Assert.All(replies, r => Assert.Equal(200, r.Status));
        Assert.All(replies, r => Assert.NotNull(r.CorrelationId));
        var ids = replies.Select(r => r.CorrelationId!).ToList();
        foreach (var id in ids)
        {
            await Sandbox.WaitForApprovalMessageAsync(id);
        }

        var posts = Sandbox.Workspace.Calls("chat.postMessage");
        Assert.All(ids, id => Assert.Single(SandboxFlow.ApprovalMessages(Sandbox.Workspace, id)));
        // Unpaced, most of such a burst is refused (15 of 21 posts when this was written). Paced, a post is refused
        // only when its timer fired later than the next one's by more than the pacer's margin, which a busy test
        // process does now and then.
        var refused = posts.Count(c => c.StatusCode == 429);
        Assert.True(refused <= Burst / 3, $"{refused} of {posts.Count} posts were refused with 429; the pacer " +
            "should space posts so that only the odd late timer is refused");
        var times = ids.Select(id => SandboxFlow.ApprovalMessages(Sandbox.Workspace, id)[0].PostedAt)
            .Order().ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(Burst - 1), "posts are spaced a second apart");
    }
}
