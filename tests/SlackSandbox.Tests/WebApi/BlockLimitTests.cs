using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class BlockLimitTests
{
    public static TheoryData<string, int, bool> Limits => new()
    {
        { "blocks", 50, true },
        { "blocks", 51, false },
        { "section_text", 3000, true },
        { "section_text", 3001, false },
        { "button_text", 75, true },
        { "button_text", 76, false },
        { "button_value", 2000, true },
        { "button_value", 2001, false },
        { "action_id", 255, true },
        { "action_id", 256, false },
        { "block_id", 255, true },
        { "block_id", 256, false },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task PostMessage_AtAndPastEachLimit_AcceptsOrReturnsInvalidBlocks(
        string limit, int size, bool accepted)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals,
            ["text"] = "fallback",
            ["blocks"] = BlocksOfSize(limit, size),
        });

        Assert.Equal(accepted, response.Ok);
        if (!accepted)
        {
            Assert.Equal("invalid_blocks", response.Error);
            Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
        }
    }

    [Theory]
    [InlineData("""[{"type":"carousel"}]""")]
    [InlineData("""[{"type":"actions","elements":[{"type":"hologram","action_id":"a"}]}]""")]
    [InlineData("""[{"type":"section","text":{"type":"html","text":"x"}}]""")]
    [InlineData("""
        [{"type":"actions","elements":[{"type":"button","action_id":"a",
          "text":{"type":"plain_text","text":"x"},"style":"loud"}]}]
        """)]
    [InlineData("""{"type":"section"}""")]
    public async Task PostMessage_WithMalformedOrUnknownBlock_ReturnsInvalidBlocks(string blocksJson)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals,
            ["text"] = "fallback",
            ["blocks"] = JsonNode.Parse(blocksJson),
        });

        Assert.Equal("invalid_blocks", response.Error);
    }

    [Fact]
    public async Task PostMessage_InvalidBlocks_ExplainsWhereAsSlackDoes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals,
            ["blocks"] = BlocksOfSize("section_text", 3001),
        });

        var detail = response.Body["errors"]![0]!.GetValue<string>();
        Assert.Contains("/blocks/0/text", detail, StringComparison.Ordinal);
    }

    private static JsonArray BlocksOfSize(string limit, int size)
    {
        var value = new string('v', limit == "button_value" ? size : 10);
        var button = Blocks.Button(
            limit == "action_id" ? new string('a', size) : "approve",
            limit == "button_text" ? new string('t', size) : "Approve",
            value);
        var actions = Blocks.Actions(limit == "block_id" ? new string('b', size) : "decision", button);
        var section = Blocks.Section(limit == "section_text" ? new string('s', size) : "text");
        if (limit == "blocks")
        {
            return new JsonArray([.. Enumerable.Range(0, size).Select(_ => (JsonNode)Blocks.Section("row"))]);
        }

        return [section, actions];
    }
}
