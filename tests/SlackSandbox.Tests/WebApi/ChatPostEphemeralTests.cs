using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class ChatPostEphemeralTests
{
    [Fact]
    public async Task PostEphemeral_ToOneUser_IsVisibleOnlyToThatUser()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0DAVE", ["text"] = "you may not decide",
        });

        Assert.True(response.Ok);
        var ts = response.Body["message_ts"]!.GetValue<string>();
        var workspace = sandbox.Server.Workspace;
        Assert.Equal(ts, Assert.Single(workspace.MessagesVisibleTo(SandboxHarness.Approvals, "U0DAVE")).Ts);
        Assert.Empty(workspace.MessagesVisibleTo(SandboxHarness.Approvals, "U0BOB"));
        Assert.Equal("U0DAVE", workspace.Message(SandboxHarness.Approvals, ts)!.EphemeralTo);
    }

    [Fact]
    public async Task PostEphemeral_UnknownUser_ReturnsUserNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0NOBODY", ["text"] = "x",
        });

        Assert.Equal("user_not_found", response.Error);
    }

    [Fact]
    public async Task PostEphemeral_UnknownChannel_ReturnsChannelNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = "C0NOWHERE", ["user"] = "U0BOB", ["text"] = "x",
        });

        Assert.Equal("channel_not_found", response.Error);
    }

    [Fact]
    public async Task PostEphemeral_WithoutTextOrBlocks_ReturnsNoText()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0BOB",
        });

        Assert.Equal("no_text", response.Error);
    }
}
