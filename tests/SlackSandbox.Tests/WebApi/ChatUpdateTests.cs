using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class ChatUpdateTests
{
    [Fact]
    public async Task Update_TwiceOfOneMessage_KeepsTsAndRecordsEditHistory()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync(text: "pending");

        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await Update(sandbox, ts, "approved by Bob", [Blocks.Section("*Approved* by <@U0BOB>")]);
        var second = await Update(sandbox, ts, "approved by Bob (final)", null);

        Assert.True(first.Ok);
        Assert.True(second.Ok);
        Assert.Equal(ts, second.Ts);
        var message = sandbox.Server.Workspace.Message(SandboxHarness.Approvals, ts)!;
        Assert.Equal("approved by Bob (final)", message.Text);
        Assert.Equal(["pending", "approved by Bob"], message.History.Select(h => h.Text));
        Assert.Equal(SandboxHarness.Start.AddMinutes(1), message.EditedAt);
        Assert.Empty(message.ButtonActionIds());
    }

    [Fact]
    public async Task Update_WithoutBlocksField_KeepsThePreviousBlocks()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();

        await Update(sandbox, ts, "new fallback", null);

        var message = sandbox.Server.Workspace.Message(SandboxHarness.Approvals, ts)!;
        Assert.Equal(["approve", "deny"], message.ButtonActionIds());
    }

    [Fact]
    public async Task Update_UnknownTs_ReturnsMessageNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await Update(sandbox, "1700000000.000001", "x", null);

        Assert.Equal("message_not_found", response.Error);
    }

    [Fact]
    public async Task Update_UnknownChannel_ReturnsChannelNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();

        var response = await sandbox.CallAsync(
            "chat.update", new JsonObject { ["channel"] = "C0NOWHERE", ["ts"] = ts, ["text"] = "x" });

        Assert.Equal("channel_not_found", response.Error);
    }

    [Fact]
    public async Task Update_WithoutTextOrBlocks_ReturnsNoText()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();

        var response = await sandbox.CallAsync(
            "chat.update", new JsonObject { ["channel"] = SandboxHarness.Approvals, ["ts"] = ts });

        Assert.Equal("no_text", response.Error);
    }

    [Fact]
    public async Task Update_OfAnEphemeralMessage_ReturnsMessageNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ephemeral = await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0BOB", ["text"] = "only Bob",
        });

        var response = await Update(sandbox, ephemeral.Body["message_ts"]!.GetValue<string>(), "x", null);

        Assert.Equal("message_not_found", response.Error);
    }

    [Fact]
    public async Task Update_WithInvalidBlocks_ReturnsInvalidBlocksAndLeavesTheMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync(text: "original");

        var response = await Update(sandbox, ts, "x", [new JsonObject { ["type"] = "marquee" }]);

        Assert.Equal("invalid_blocks", response.Error);
        Assert.Equal("original", sandbox.Server.Workspace.Message(SandboxHarness.Approvals, ts)!.Text);
    }

    private static Task<ApiResponse> Update(SandboxHarness sandbox, string ts, string text, JsonArray? blocks)
    {
        var args = new JsonObject { ["channel"] = SandboxHarness.Approvals, ["ts"] = ts, ["text"] = text };
        if (blocks is not null)
        {
            args["blocks"] = blocks;
        }

        return sandbox.CallAsync("chat.update", args);
    }
}
