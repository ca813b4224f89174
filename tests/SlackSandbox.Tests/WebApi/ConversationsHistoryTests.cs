using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class ConversationsHistoryTests
{
    [Fact]
    public async Task History_OfAChannel_IsNewestFirstWithBlocksAndWithoutEphemeralsOrThreadReplies()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        var first = await sandbox.PostAsync(text: "first");
        await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0BOB", ["text"] = "only bob",
        });
        await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["text"] = "a reply", ["thread_ts"] = first,
        });
        var second = await sandbox.PostAsync(text: "second");
        await sandbox.PostAsync(SandboxHarness.General, text: "elsewhere");

        var response = await sandbox.CallAsync(
            "conversations.history", new JsonObject { ["channel"] = SandboxHarness.Approvals });

        Assert.True(response.Ok, response.Body.ToJsonString());
        var messages = response.Body["messages"]!.AsArray();
        Assert.Equal([second, first], messages.Select(m => m!["ts"]!.GetValue<string>()));
        Assert.NotNull(messages[0]!["blocks"]);
        Assert.False(response.Body["has_more"]!.GetValue<bool>());
        Assert.Equal("", response.Body["response_metadata"]!["next_cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_WithLimit_PagesThroughEveryMessageOnceByCursor()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add(await sandbox.PostAsync(text: $"message {i}"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var args = new JsonObject { ["channel"] = SandboxHarness.Approvals, ["limit"] = "2" };
            if (cursor is not null)
            {
                args["cursor"] = cursor;
            }

            var page = await sandbox.CallAsync("conversations.history", args);
            Assert.True(page.Body["messages"]!.AsArray().Count <= 2);
            seen.AddRange(page.Body["messages"]!.AsArray().Select(m => m!["ts"]!.GetValue<string>()));
            cursor = page.Body["response_metadata"]!["next_cursor"]!.GetValue<string>();
        }
        while (cursor.Length > 0);

        Assert.Equal(Enumerable.Reverse(posted), seen);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task History_FromOldest_KeepsLaterMessagesAndTheOldestOnlyWhenInclusive(bool inclusive, int count)
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        await sandbox.PostAsync(text: "before");
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var oldest = await sandbox.PostAsync(text: "at oldest");
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var newest = await sandbox.PostAsync(text: "after");

        var response = await sandbox.CallAsync("conversations.history", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["oldest"] = oldest, ["inclusive"] = inclusive ? "true" : "false",
        });

        var ts = response.Body["messages"]!.AsArray().Select(m => m!["ts"]!.GetValue<string>()).ToList();
        Assert.Equal(count, ts.Count);
        Assert.Equal(newest, ts[0]);
    }

    [Theory]
    [InlineData("channel", "C0NOWHERE", "channel_not_found")]
    [InlineData("cursor", "not-a-cursor", "invalid_cursor")]
    [InlineData("limit", "-3", "invalid_limit")]
    public async Task History_BadArgument_ReturnsSlacksError(string name, string value, string error)
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);
        var args = new JsonObject { ["channel"] = SandboxHarness.Approvals, [name] = value };

        var response = await sandbox.CallAsync("conversations.history", args);

        Assert.Equal(error, response.Error);
    }

    [Fact]
    public async Task History_WithoutTheBotToken_IsRefused()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceRateLimits = false);

        var response = await sandbox.CallAsync(
            "conversations.history", new JsonObject { ["channel"] = SandboxHarness.Approvals }, token: null);

        Assert.Equal("not_authed", response.Error);
    }
}
