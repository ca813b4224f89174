using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.ResponseUrls;

public sealed class ResponseUrlTests
{
    [Fact]
    public async Task ResponseUrl_FiveAcceptedPosts_SixthReturns404UsedUrl()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var url = await CommandResponseUrlAsync(sandbox);

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await sandbox.PostJsonAsync(url, Text($"update {i}"))).StatusCode);
        }

        var sixth = await sandbox.PostJsonAsync(url, Text("one too many"));

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(404, sixth.StatusCode);
        Assert.Equal("used_url", sixth.Body["error"]!.GetValue<string>());
        Assert.Equal(5, sandbox.Server.Workspace.Messages(SandboxHarness.General).Count);
    }

    [Fact]
    public async Task ResponseUrl_MoreThanThirtyMinutesAfterIssue_Returns404ExpiredUrl()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var url = await CommandResponseUrlAsync(sandbox);

        sandbox.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var response = await sandbox.PostJsonAsync(url, Text("too late"));

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("expired_url", response.Body["error"]!.GetValue<string>());
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.General));
    }

    [Fact]
    public async Task ResponseUrl_JustUnderThirtyMinutes_IsAccepted()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var url = await CommandResponseUrlAsync(sandbox);

        sandbox.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var response = await sandbox.PostJsonAsync(url, Text("just in time"));

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task ResponseUrl_DefaultPost_IsEphemeralToTheCommandsUser()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var url = await CommandResponseUrlAsync(sandbox);

        await sandbox.PostJsonAsync(url, new JsonObject
        {
            ["text"] = "approved",
            ["replace_original"] = false,
        });

        var workspace = sandbox.Server.Workspace;
        var shown = Assert.Single(workspace.MessagesVisibleTo(SandboxHarness.General, "U0ALICE"));
        Assert.Equal("approved", shown.Text);
        Assert.Empty(workspace.MessagesVisibleTo(SandboxHarness.General, "U0BOB"));
    }

    [Fact]
    public async Task ResponseUrl_InChannel_IsVisibleToEveryone()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var url = await CommandResponseUrlAsync(sandbox);

        await sandbox.PostJsonAsync(url, new JsonObject
        {
            ["text"] = "for all",
            ["response_type"] = "in_channel",
        });

        Assert.Single(sandbox.Server.Workspace.MessagesVisibleTo(SandboxHarness.General, "U0DAVE"));
    }

    [Fact]
    public async Task ResponseUrl_FromAClickWithReplaceOriginal_RewritesTheClickedMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync(text: "pending");
        await sandbox.Server.ClickAsync("U0BOB", SandboxHarness.Approvals, ts, "approve");
        var url = sandbox.App.Last.Payload["response_url"]!.GetValue<string>();

        var response = await sandbox.PostJsonAsync(url, new JsonObject
        {
            ["replace_original"] = true, ["text"] = "approved by Bob",
            ["blocks"] = new JsonArray(Blocks.Section("*Approved* by <@U0BOB>")),
        });

        Assert.Equal(200, response.StatusCode);
        var message = sandbox.Server.Workspace.Message(SandboxHarness.Approvals, ts)!;
        Assert.Equal("approved by Bob", message.Text);
        Assert.Equal("pending", Assert.Single(message.History).Text);
        Assert.Empty(message.ButtonActionIds());
    }

    [Fact]
    public async Task ResponseUrl_FromAClickWithDeleteOriginal_DeletesTheClickedMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();
        await sandbox.Server.ClickAsync("U0BOB", SandboxHarness.Approvals, ts, "approve");
        var url = sandbox.App.Last.Payload["response_url"]!.GetValue<string>();

        await sandbox.PostJsonAsync(url, new JsonObject { ["delete_original"] = true });

        Assert.True(sandbox.Server.Workspace.Message(SandboxHarness.Approvals, ts)!.IsDeleted);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task ResponseUrl_RefusedPosts_DoNotUseUpTheFiveUses()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var url = await CommandResponseUrlAsync(sandbox);

        var refused = await sandbox.PostJsonAsync(url, new JsonObject { ["response_type"] = "ephemeral" });
        var accepted = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            accepted.Add((await sandbox.PostJsonAsync(url, Text("ok"))).StatusCode);
        }

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("no_text", refused.Body["error"]!.GetValue<string>());
        Assert.All(accepted, s => Assert.Equal(200, s));
    }

    [Fact]
    public async Task ResponseUrl_NeverIssued_Returns404()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var unknown = new Uri(sandbox.Server.BaseUrl, "response/999-abc").ToString();

        var response = await sandbox.PostJsonAsync(unknown, Text("x"));

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("no_service", response.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResponseUrl_Posts_AreRecordedAsCalls()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var url = await CommandResponseUrlAsync(sandbox);

        await sandbox.PostJsonAsync(url, Text("recorded"));

        var call = Assert.Single(sandbox.Server.Workspace.Calls(SandboxFaults.ResponseUrl));
        Assert.Contains("recorded", call.Body, StringComparison.Ordinal);
    }

    private static async Task<string> CommandResponseUrlAsync(SandboxHarness sandbox)
    {
        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");
        return sandbox.App.Last.Form["response_url"];
    }

    private static JsonObject Text(string text) => new() { ["text"] = text };
}
