using ApprovalBot.Grains;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests;

/// <summary>Deny asks for a reason in a modal; the decision is made only when the modal is submitted.</summary>
[Collection(RealTimeProduct.Name)]
public sealed class DenyModalTests(RealTimeProductFixture fixture)
{
    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Deny_ModalClosed_NothingChanges()
    {
        var (id, modal) = await Sandbox.OpenDenyFormAsync(SandboxUsers.Carol, "closed-modal@example.com");

        await Sandbox.CloseViewAsync(SandboxUsers.Carol, modal.Id);

        Assert.Empty(Sandbox.Workspace.OpenViews(SandboxUsers.Carol));
        Assert.Equal(ApprovalStatus.Pending, (await fixture.Product.SnapshotAsync(id!))!.Status);
        Assert.Equal(["approve", "deny"], SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!.ButtonActionIds());
    }

    [Fact]
    public async Task Deny_EmptyReason_ModalShowsErrorAndRequestStaysPending()
    {
        var (id, modal) = await Sandbox.OpenDenyFormAsync(SandboxUsers.Carol, "empty-reason@example.com");

        var reply = await Sandbox.SubmitViewAsync(SandboxUsers.Carol, modal.Id,
            new Dictionary<string, string> { ["reason"] = "   " });

        Assert.Equal(200, reply.StatusCode);
        Assert.Contains("errors", reply.Body, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await fixture.Product.SnapshotAsync(id!))!.Status);
        await Sandbox.CloseViewAsync(SandboxUsers.Carol, modal.Id);
    }

    [Fact]
    public async Task Deny_TriggerExpiredBeforeModalOpened_ClickerOfferedRetryAndRequestStaysPending()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "expired-trigger@example.com");
        Sandbox.Faults.ReturnError("views.open", 1, "expired_trigger_id");

        await Sandbox.ClickAsync(SandboxUsers.Carol, SandboxFlow.ApprovalChannel, message.Ts, "deny");

        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Carol, "could not be opened").Any(
                m => m.ButtonActionIds().Contains("deny")),
            TimeSpan.FromSeconds(30), "Carol to be offered a button to try the deny form again");
        Assert.Empty(Sandbox.Workspace.OpenViews(SandboxUsers.Carol));
        Assert.Equal(ApprovalStatus.Pending, (await fixture.Product.SnapshotAsync(id!))!.Status);
    }

    [Fact]
    public async Task Deny_ByNonApprover_RefusedWithoutAModal()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "no-modal@example.com");

        await Sandbox.ClickAsync(SandboxUsers.Dave, SandboxFlow.ApprovalChannel, message.Ts, "deny");

        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Dave, "not an approver").Count > 0,
            TimeSpan.FromSeconds(30), "Dave to be told he is not an approver");
        Assert.Empty(Sandbox.Workspace.OpenViews(SandboxUsers.Dave));
    }
}
