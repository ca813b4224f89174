using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Inbound;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests;

/// <summary>The life of a request through the real Api, real silos, PostgreSQL and the sandbox as Slack.</summary>
[Collection(RealTimeProduct.Name)]
public sealed class ApprovalFlowTests(RealTimeProductFixture fixture)
{
    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Approve_SignedCommandToClick_MessageRewrittenAndRequesterToldOnce()
    {
        var (status, reply, id) = await Sandbox.CommandAsync(SandboxUsers.Alice, "new-hire@example.com onboarding");
        Assert.Equal(200, status);
        Assert.NotNull(id);
        Assert.Contains("<#C0APPROVALS>", reply, StringComparison.Ordinal);
        var message = await Sandbox.WaitForApprovalMessageAsync(id);
        Assert.Equal(["approve", "deny"], message.ButtonActionIds());

        var click = await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        Assert.Equal(200, click.StatusCode);
        var final = await Sandbox.WaitForFinalMessageAsync(id, "approved");
        Assert.Equal(message.Ts, final.Ts);
        Assert.Contains("<@U0BOB>", SandboxFlow.AllText(final), StringComparison.Ordinal);
        await Sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id).Count == 1,
            TimeSpan.FromSeconds(30), "one notice to the requester");
        Assert.Single(SandboxFlow.ApprovalMessages(Sandbox.Workspace, id));
        Assert.Single(Sandbox.Workspace.Calls("chat.update"), c => c.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deny_ByApproverWithReason_MessageShowsEscapedReasonAndRequesterTold()
    {
        var (id, modal) = await Sandbox.OpenDenyFormAsync(SandboxUsers.Carol, "contractor@example.com short project");

        var submitted = await Sandbox.SubmitViewAsync(SandboxUsers.Carol, modal.Id,
            new Dictionary<string, string> { ["reason"] = "Not <@U0DAVE>'s *call*" });

        Assert.Equal(200, submitted.StatusCode);
        var final = await Sandbox.WaitForFinalMessageAsync(id!, "denied");
        Assert.Contains("Not &lt;@U0DAVE&gt;", SandboxFlow.AllText(final), StringComparison.Ordinal);
        await Sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id!).Count == 1,
            TimeSpan.FromSeconds(30), "one denial notice to the requester");
        var notice = Assert.Single(SandboxFlow.OutcomeNoticesTo(Sandbox.Workspace, SandboxUsers.Alice, id!));
        Assert.Contains("Not &lt;@U0DAVE&gt;", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Not &lt;@U0DAVE&gt;", SandboxFlow.AllText(notice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_ByNonApprover_RefusedEphemerallyAndNothingChanges()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "someone@example.com");

        await Sandbox.ClickAsync(SandboxUsers.Dave, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Dave, "not an approver").Count > 0,
            TimeSpan.FromSeconds(30), "Dave to be told he is not an approver");
        Assert.Equal(["approve", "deny"], SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!.ButtonActionIds());
    }

    [Fact]
    public async Task Click_ByRequesterWhoIsApprover_RefusedAsOwnRequest()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Bob, "own@example.com for myself");

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Bob, "your own").Count > 0,
            TimeSpan.FromSeconds(30), "Bob to be told he cannot decide his own request");
        Assert.Equal(["approve", "deny"], SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!.ButtonActionIds());
    }

    [Fact]
    public async Task Click_AfterAnotherApproverDecided_ToldWhoDecidedAndNothingChanges()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "late@example.com");
        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");
        await Sandbox.WaitForFinalMessageAsync(id!, "approved");

        var late = await Sandbox.ClickAsync(
            SandboxUsers.Carol, SandboxFlow.ApprovalChannel, message.Ts, "deny", new ClickOptions(FromVersion: 0));

        Assert.Equal(200, late.StatusCode);
        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Carol, "Already approved").Count > 0,
            TimeSpan.FromSeconds(30), "Carol to be told it was already approved");
        Assert.Contains("approved", SandboxFlow.AllText(SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Click_WithTamperedToken_RefusedAsUnknownAndNothingChanges()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "tamper@example.com");
        var tamper = new ClickOptions(Tamper: payload =>
        {
            var action = payload["actions"]![0]!.AsObject();
            action["value"] = action["value"]!.GetValue<string>()[..^2] + "xx";
        });

        var click = await Sandbox.ClickAsync(
            SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve", tamper);

        Assert.Equal(200, click.StatusCode);
        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Bob, "tampered").Count > 0,
            TimeSpan.FromSeconds(30), "Bob to be told the request is unknown or tampered");
        Assert.Equal(["approve", "deny"], SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!.ButtonActionIds());
    }

    [Fact]
    public async Task Click_FromAnotherChannel_RefusedAndNothingChanges()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "channel@example.com");
        var elsewhere = new ClickOptions(Tamper: payload =>
        {
            payload["channel"] = new JsonObject { ["id"] = SandboxFlow.GeneralChannel, ["name"] = "general" };
            payload["container"]!["channel_id"] = SandboxFlow.GeneralChannel;
        });

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve", elsewhere);

        await Sandbox.WaitForAsync(
            w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Bob, "only accepted from the approval channel").Count > 0,
            TimeSpan.FromSeconds(30), "Bob to be told clicks count only in the approval channel");
        Assert.Equal(["approve", "deny"], SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!.ButtonActionIds());
    }
}
