using ApprovalBot.Api.Tests.Support;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Approvers;

/// <summary>
/// Approvers named by a Slack user group instead of a list, with self-approval allowed: Bob and Carol are
/// approvers only because the sandbox's group S0APPROVERS says so.
/// </summary>
public sealed class ApproverGroupFixture : ProductFixture
{
    public const string GroupId = SandboxOptions.DefaultApproverGroupId;

    protected override Task<ProductHarness> CreateAsync() =>
        ProductHarness.CreateAsync("approver-group", settings: s =>
        {
            var listed = s.Keys.Where(k => k.StartsWith("Approval:Approvers", StringComparison.Ordinal));
            foreach (var key in listed.ToList())
            {
                s.Remove(key);
            }

            s["Approval:ApproverGroupId"] = GroupId;
            s["Approval:AllowSelfApproval"] = "true";
        });
}

public sealed class ApproverRuleTests(ApproverGroupFixture fixture) : IClassFixture<ApproverGroupFixture>
{
    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Click_ByMemberOfApproverGroup_DecidesTheRequest()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "group-member@example.com");

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        var final = await Sandbox.WaitForFinalMessageAsync(id!, "approved");
        Assert.Contains("<@U0BOB>", SandboxFlow.AllText(final), StringComparison.Ordinal);
        Assert.Contains(Sandbox.Workspace.Calls("usergroups.users.list"),
            c => c.Body.Contains(ApproverGroupFixture.GroupId, StringComparison.Ordinal) && c.Succeeded);
    }

    [Fact]
    public async Task Click_ByNonMemberOfApproverGroup_RefusedAndNothingChanges()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "non-member@example.com");

        var click = await Sandbox.ClickAsync(
            SandboxUsers.Dave, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        Assert.Equal(200, click.StatusCode);
        await Sandbox.WaitForAsync(
            w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Dave, "not an approver").Count > 0,
            TimeSpan.FromSeconds(30), "Dave to be told he is not an approver");
        var unchanged = SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!;
        Assert.Equal(["approve", "deny"], unchanged.ButtonActionIds());
        Assert.Equal(Grains.ApprovalStatus.Pending, (await fixture.Product.SnapshotAsync(id!))!.Status);
    }

    [Fact]
    public async Task Click_OnOwnRequestWithSelfApprovalAllowed_DecidesTheRequest()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Carol, "self@example.com for my own team");

        await Sandbox.ClickAsync(SandboxUsers.Carol, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        var final = await Sandbox.WaitForFinalMessageAsync(id!, "approved");
        Assert.Contains("<@U0CAROL>", SandboxFlow.AllText(final), StringComparison.Ordinal);
        Assert.Empty(SandboxFlow.EphemeralsTo(Sandbox.Workspace, SandboxUsers.Carol, "your own"));
        await Sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Carol, id!).Count == 1,
            TimeSpan.FromSeconds(30), "Carol, as requester, to be told of her own approval once");
    }
}
