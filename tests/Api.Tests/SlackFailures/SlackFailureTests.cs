using ApprovalBot.Api.Tests.Support;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.SlackFailures;

/// <summary>A product of its own: its tests switch Slack faults on for every call of a method.</summary>
public sealed class FaultyProductFixture : ProductFixture
{
    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync("slack-faults");
}

/// <summary>
/// Slack refusing calls (429, 500) delays what the bot shows, never duplicates it or holds clicks up.
/// </summary>
public sealed class SlackFailureTests(FaultyProductFixture fixture)
    : IClassFixture<FaultyProductFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Post_RateLimitedThenServerError_ApprovalMessagePostedExactlyOnceAfterRecovery()
    {
        Sandbox.Faults.RateLimit("chat.postMessage", count: 1, retryAfterSeconds: 1);
        Sandbox.Faults.Fail(SandboxFaultKind.ServerError, "chat.postMessage");

        var (status, _, id) = await Sandbox.CommandAsync(SandboxUsers.Alice, "flaky-post@example.com");

        Assert.Equal(200, status);
        await Sandbox.WaitForApprovalMessageAsync(id!);
        var posts = Sandbox.Workspace.Calls("chat.postMessage")
            .Where(c => c.Body.Contains(id!, StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 500, 200], posts.Select(c => c.StatusCode));
        Assert.Single(posts, c => c.Succeeded);
        Assert.Single(SandboxFlow.ApprovalMessages(Sandbox.Workspace, id!));
        Assert.Empty(Sandbox.Faults.Active);
    }

    [Fact]
    public async Task Update_RateLimitedAfterDecision_LaterClickAnsweredMeanwhileAndRewriteDoneOnce()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "slow-update@example.com");
        Sandbox.Faults.RateLimit("chat.update", count: 1, retryAfterSeconds: 3);
        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");
        await Sandbox.WaitForAsync(w => Updates(w, id!).Any(c => c.StatusCode == 429), Wait,
            "the rewrite to be refused with 429");

        var late = await Sandbox.ClickAsync(
            SandboxUsers.Carol, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        Assert.Equal(200, late.StatusCode);
        await Sandbox.WaitForAsync(
            w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Carol, "Already approved").Count == 1,
            Wait, "Carol to be told it was already approved");
        var final = await Sandbox.WaitForFinalMessageAsync(id!, "approved");
        Assert.Equal(message.Ts, final.Ts);
        var calls = Sandbox.Workspace.AllCalls;
        var refused = IndexOf(calls, c => IsUpdateOf(c, id!) && c.StatusCode == 429);
        var toldCarol = IndexOf(calls, c => c.Method == SandboxFaults.ResponseUrl
            && c.Body.Contains("Already approved", StringComparison.Ordinal));
        var rewritten = IndexOf(calls, c => IsUpdateOf(c, id!) && c.Succeeded);
        Assert.True(refused < toldCarol && toldCarol < rewritten,
            $"Expected the 429 ({refused}), then Carol's reply ({toldCarol}), "
            + $"then the rewrite ({rewritten}).");
        Assert.Single(Updates(Sandbox.Workspace, id!), c => c.Succeeded);
        await Sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id!).Count == 1,
            Wait, "one notice to the requester once the rewrite is done");
    }

    public void Dispose() => Sandbox.Faults.Clear();

    private static IEnumerable<SandboxCall> Updates(SandboxWorkspace workspace, string id) =>
        workspace.Calls("chat.update").Where(c => IsUpdateOf(c, id));

    private static bool IsUpdateOf(SandboxCall call, string id) =>
        call.Method == "chat.update" && call.Body.Contains(id, StringComparison.Ordinal);

    private static int IndexOf(IReadOnlyList<SandboxCall> calls, Func<SandboxCall, bool> match)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            if (match(calls[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
