using ApprovalBot.SlackSandbox.Inbound;
using ApprovalBot.Api.Tests.Support;
using ApprovalBot.Grains;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Concurrency;

/// <summary>
/// Fifty more approvers, all members of the sandbox's approver group, which is the only approver rule.
/// </summary>
public sealed class CrowdFixture : ProductFixture
{
    public static readonly IReadOnlyList<string> Approvers =
        [.. SandboxUsers.Numbered("crowd", 50, approvers: true).Select(u => u.Id)];

    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync(
        "crowd",
        settings: s =>
        {
            s.Remove("Approval:Approvers:0");
            s.Remove("Approval:Approvers:1");
            s["Approval:ApproverGroupId"] = SandboxOptions.DefaultApproverGroupId;
        },
        sandbox: o => o.AddUsers(SandboxUsers.Numbered("crowd", 50, approvers: true)));
}

public sealed class ConcurrentClickTests(CrowdFixture fixture) : IClassFixture<CrowdFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Approve_FiftyApproversClickAtOnce_OneDecisionOneRewriteOneNoticeAndFortyNineTold()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "crowd@example.com everyone at once");

        // Everyone clicks the message as first posted, as fifty open Slack clients would show it.
        var asPosted = new ClickOptions(FromVersion: 0);
        var clicks = await Task.WhenAll(CrowdFixture.Approvers.Select(approver =>
            Sandbox.ClickAsync(approver, SandboxFlow.ApprovalChannel, message.Ts, "approve", asPosted)));

        Assert.All(clicks, click => Assert.Equal(200, click.StatusCode));
        var snapshot = await fixture.Product.SnapshotAsync(id!);
        Assert.Equal(ApprovalStatus.Approved, snapshot!.Status);
        Assert.Single(snapshot.History, h => h.Event == "approved");
        var winner = Assert.Single(snapshot.Approvals).ApproverUserId;
        Assert.Equal(winner, snapshot.DecidedBy);
        Assert.Contains(winner, CrowdFixture.Approvers);

        var losers = CrowdFixture.Approvers.Where(a => a != winner).ToList();
        await Sandbox.WaitForAsync(
            w => losers.All(l => SandboxFlow.EphemeralsTo(w, l, "Already approved").Count == 1),
            Wait, "each of the 49 other approvers to be told once that it was already approved");
        var final = await Sandbox.WaitForFinalMessageAsync(id!, "approved");
        await Sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id!).Count == 1,
            Wait, "the requester's one notice");

        Assert.Equal(message.Ts, final.Ts);
        Assert.Contains($"<@{winner}>", SandboxFlow.AllText(final), StringComparison.Ordinal);
        Assert.Single(
            Sandbox.Workspace.Calls("chat.update"), c => c.Body.Contains(id!, StringComparison.Ordinal));
        Assert.Empty(SandboxFlow.EphemeralsTo(Sandbox.Workspace, winner, "Already approved"));
        Assert.All(losers, l => Assert.Contains(
            $"by <@{winner}>", SandboxFlow.EphemeralsTo(Sandbox.Workspace, l, "Already approved")[0].Text,
            StringComparison.Ordinal));
        Assert.Single(SandboxFlow.OutcomeNoticesTo(Sandbox.Workspace, SandboxUsers.Alice, id!));
    }
}
