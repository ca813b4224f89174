using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests;

/// <summary><c>/approve status</c>, <c>list</c> and <c>cancel</c> for requesters, approvers and outsiders.</summary>
[Collection(RealTimeProduct.Name)]
public sealed class SelfServiceTests(RealTimeProductFixture fixture)
{
    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Status_RequesterAndApproverSeeHistory_OutsiderDoesNot()
    {
        var (_, _, id) = await Sandbox.CommandAsync(SandboxUsers.Alice, "status-check@example.com audit");
        await Sandbox.WaitForApprovalMessageAsync(id!);

        var requester = await Sandbox.CommandAsync(SandboxUsers.Alice, $"status {id}");
        var approver = await Sandbox.CommandAsync(SandboxUsers.Bob, $"status {id}");
        var outsider = await Sandbox.CommandAsync(SandboxUsers.Dave, $"status {id}");

        Assert.Contains("pending", requester.Text, StringComparison.Ordinal);
        Assert.Contains("created", requester.Text, StringComparison.Ordinal);
        Assert.Contains("pending", approver.Text, StringComparison.Ordinal);
        Assert.Contains("may not see", outsider.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("status-check@example.com", outsider.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_RequesterSeesOwn_ApproverSeesEveryOpenRequest()
    {
        var (_, _, alices) = await Sandbox.CommandAsync(SandboxUsers.Alice, "list-a@example.com");
        var (_, _, daves) = await Sandbox.CommandAsync(SandboxUsers.Dave, "list-d@example.com");
        await Sandbox.WaitForApprovalMessageAsync(daves!);

        var own = await Sandbox.CommandAsync(SandboxUsers.Dave, "list");
        var approver = await Sandbox.CommandAsync(SandboxUsers.Carol, "list");

        Assert.Contains(daves!, own.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(alices!, own.Text, StringComparison.Ordinal);
        Assert.Contains(daves!, approver.Text, StringComparison.Ordinal);
        Assert.Contains(alices!, approver.Text, StringComparison.Ordinal);
        Assert.True(approver.Text.IndexOf(daves!, StringComparison.Ordinal)
            < approver.Text.IndexOf(alices!, StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Cancel_ByRequester_MessageRewrittenAndLaterClickToldItWasCancelled()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "cancel-me@example.com");

        var byOutsider = await Sandbox.CommandAsync(SandboxUsers.Dave, $"cancel {id}");
        var byRequester = await Sandbox.CommandAsync(SandboxUsers.Alice, $"cancel {id}");

        Assert.Contains("Only the requester", byOutsider.Text, StringComparison.Ordinal);
        Assert.Contains("withdrawn", byRequester.Text, StringComparison.Ordinal);
        await Sandbox.WaitForFinalMessageAsync(id!, "cancelled");
        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve",
            new ApprovalBot.SlackSandbox.Inbound.ClickOptions(FromVersion: 0));
        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Bob, "cancelled").Count > 0,
            TimeSpan.FromSeconds(30), "Bob to be told the request was cancelled");
    }

    [Fact]
    public async Task Help_ListsEverySubcommand()
    {
        var (status, text, id) = await Sandbox.CommandAsync(SandboxUsers.Alice, "help");

        Assert.Equal(200, status);
        Assert.Null(id);
        foreach (var word in new[] { "status", "list", "cancel", "--timeout", "help" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }
    }
}
