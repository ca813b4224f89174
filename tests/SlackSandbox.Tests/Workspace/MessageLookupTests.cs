using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.Workspace;

public sealed class MessageLookupTests
{
    [Fact]
    public async Task MessagesFrom_AfterMorePosts_ReturnsOnlyTheNewOnesInPostingOrder()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        var workspace = sandbox.Server.Workspace;
        await sandbox.PostAsync(text: "one");
        await sandbox.PostAsync(text: "two");
        var seen = workspace.MessagesFrom(SandboxHarness.Approvals, 0).Count;
        var three = await sandbox.PostAsync(text: "three");
        var four = await sandbox.PostAsync(text: "four");

        var fresh = workspace.MessagesFrom(SandboxHarness.Approvals, seen);

        Assert.Equal(2, seen);
        Assert.Equal([three, four], fresh.Select(m => m.Ts));
        Assert.Empty(workspace.MessagesFrom(SandboxHarness.Approvals, seen + fresh.Count));
        Assert.Empty(workspace.MessagesFrom("C0NOWHERE", 0));
    }

    [Fact]
    public async Task Message_ByTs_OnlyInItsOwnChannel_AndEditsReachIt()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        var workspace = sandbox.Server.Workspace;
        var ts = await sandbox.PostAsync(text: "first");
        var update = await sandbox.CallAsync("chat.update", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["ts"] = ts, ["text"] = "second",
        });

        Assert.True(update.Ok, update.Body.ToJsonString());
        Assert.Equal("second", workspace.Message(SandboxHarness.Approvals, ts)!.Text);
        Assert.Null(workspace.Message(SandboxHarness.General, ts));
        Assert.Null(workspace.Message(SandboxHarness.Approvals, "1.000001"));
    }
}
