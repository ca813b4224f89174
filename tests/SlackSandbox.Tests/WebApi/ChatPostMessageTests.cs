using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class ChatPostMessageTests
{
    [Fact]
    public async Task PostMessage_ToApprovalChannel_ReturnsChannelTsAndMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals,
            ["text"] = "fallback",
            ["blocks"] = Blocks.ApprovalCard("corr-9.secret"),
        });

        Assert.True(response.Ok);
        Assert.Equal(SandboxHarness.Approvals, response.Body["channel"]!.GetValue<string>());
        Assert.Equal(response.Ts, response.Body["message"]!["ts"]!.GetValue<string>());
        Assert.Equal("fallback", response.Body["message"]!["text"]!.GetValue<string>());
        var stored = sandbox.Server.Workspace.Message(SandboxHarness.Approvals, response.Ts)!;
        Assert.True(stored.IsBot);
        Assert.Equal("corr-9.secret", stored.Blocks()[1]!["elements"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostMessage_UnknownChannel_ReturnsChannelNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject { ["channel"] = "C0NOWHERE", ["text"] = "x" });

        Assert.Equal("channel_not_found", response.Error);
    }

    [Fact]
    public async Task PostMessage_WithoutTextOrBlocks_ReturnsNoText()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject
            {
                ["channel"] = SandboxHarness.Approvals,
                ["blocks"] = new JsonArray(),
            });

        Assert.Equal("no_text", response.Error);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task PostMessage_TextOverFortyThousandCharacters_ReturnsMsgTooLong()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals,
            ["text"] = new string('a', 40_001),
        });

        Assert.Equal("msg_too_long", response.Error);
    }

    [Fact]
    public async Task PostMessage_BlockTextOverTwelveThousandCharacters_ReturnsMsgTooLong()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var sections = Enumerable.Range(0, 5).Select(_ => (JsonNode)Blocks.Section(new string('x', 2500)));
        var blocks = new JsonArray([.. sections]);

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject
            {
                ["channel"] = SandboxHarness.Approvals,
                ["blocks"] = blocks,
            });

        Assert.Equal("msg_too_long", response.Error);
    }

    [Fact]
    public async Task PostMessage_ToUserId_CreatesThatUsersDirectMessageChannel()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject
            {
                ["channel"] = "U0ALICE",
                ["text"] = "your request was approved",
            });

        Assert.True(response.Ok);
        Assert.Equal("D0ALICE", response.Body["channel"]!.GetValue<string>());
        var channel = sandbox.Server.Workspace.Channel("D0ALICE")!;
        Assert.Equal("U0ALICE", channel.DirectUserId);
        var message = Assert.Single(sandbox.Server.Workspace.Messages("D0ALICE"));
        Assert.Equal("your request was approved", message.Text);
    }

    [Fact]
    public async Task PostMessage_ToUnknownUserId_ReturnsChannelNotFound()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject { ["channel"] = "U0NOBODY", ["text"] = "x" });

        Assert.Equal("channel_not_found", response.Error);
    }

    [Fact]
    public async Task PostMessage_ManyAtOneInstant_TsIsSlackShapedAndStrictlyIncreasing()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        var seconds = SandboxHarness.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var stamps = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            stamps.Add(await sandbox.PostAsync(text: $"m{i}"));
        }

        Assert.All(stamps, ts => Assert.Matches(@"^\d{10}\.\d{6}$", ts));
        Assert.All(stamps, ts => Assert.StartsWith(seconds + ".", ts, StringComparison.Ordinal));
        var values = stamps.Select(Ts).ToList();
        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public async Task PostMessage_AfterTheClockMoves_TsFollowsTheClock()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var first = await sandbox.PostAsync();

        sandbox.Time.Advance(TimeSpan.FromSeconds(90.25));
        var second = await sandbox.PostAsync();

        var expected = SandboxHarness.Start.AddSeconds(90.25).ToUnixTimeMilliseconds() / 1000m;
        Assert.Equal(expected, Ts(second));
        Assert.True(Ts(second) > Ts(first));
    }

    [Fact]
    public async Task PostMessage_WithThreadTs_StoresTheThread()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        var parent = await sandbox.PostAsync();

        var reply = await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["text"] = "in thread", ["thread_ts"] = parent,
        });

        Assert.Equal(parent, sandbox.Server.Workspace.Message(SandboxHarness.Approvals, reply.Ts)!.ThreadTs);
    }

    [Fact]
    public async Task PostMessage_EveryCall_IsRecordedWithItsExactBody()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await sandbox.PostAsync(text: "recorded");

        var call = Assert.Single(sandbox.Server.Workspace.Calls("chat.postMessage"));
        Assert.Contains("\"text\":\"recorded\"", call.Body, StringComparison.Ordinal);
        Assert.True(call.Succeeded);
    }

    private static decimal Ts(string ts) => decimal.Parse(ts, CultureInfo.InvariantCulture);
}
