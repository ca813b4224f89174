using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.Hosting;

public sealed class PageTests
{
    [Fact]
    public async Task Root_Served_IsThePageWithItsTestIds()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var html = await sandbox.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = await sandbox.Http.GetStringAsync(new Uri("/sandbox/app.js", UriKind.Relative));

        Assert.Contains("data-testid=\"composer\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"send\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-picker\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action-id", script, StringComparison.Ordinal);
        Assert.DoesNotContain(".innerHTML", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthLive_Answers200()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task State_ForOneUser_ShowsTheirEphemeralsAndNotOthers()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.PostAsync();
        await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0DAVE", ["text"] = "only Dave",
        });

        var dave = await State(sandbox, "U0DAVE");
        var bob = await State(sandbox, "U0BOB");
        var everyone = await State(sandbox, null);

        Assert.Equal(2, dave["messages"]![SandboxHarness.Approvals]!.AsArray().Count);
        Assert.Single(bob["messages"]![SandboxHarness.Approvals]!.AsArray());
        var all = everyone["messages"]![SandboxHarness.Approvals]!.AsArray();
        Assert.Equal("U0DAVE", all[1]!["ephemeral_to"]!.GetValue<string>());
        Assert.Equal(4, everyone["users"]!.AsArray().Count);
    }

    [Fact]
    public async Task State_DirectMessages_AreListedOnlyForTheirUser()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "U0ALICE",
            ["text"] = "hi",
        });

        var alice = await State(sandbox, "U0ALICE");
        var bob = await State(sandbox, "U0BOB");

        Assert.Contains(alice["channels"]!.AsArray(), c => c!["id"]!.GetValue<string>() == "D0ALICE");
        Assert.DoesNotContain(bob["channels"]!.AsArray(), c => c!["id"]!.GetValue<string>() == "D0ALICE");
    }

    [Fact]
    public async Task ActMessage_ComposerWithTheCommand_SendsASlashCommandFromThatUserAndChannel()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("sandbox/act/message", new
        {
            user = "U0ALICE",
            channel = SandboxHarness.Approvals,
            text = "/approve ops@example.com needs *prod*",
        });

        Assert.True(response.IsSuccessStatusCode);
        var form = sandbox.App.Last.Form;
        Assert.Equal("ops@example.com needs *prod*", form["text"]);
        Assert.Equal(SandboxHarness.Approvals, form["channel_id"]);
        Assert.Equal("U0ALICE", form["user_id"]);
    }

    [Fact]
    public async Task ActClick_ForAButton_SendsBlockActionsAsTheChosenUser()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("sandbox/act/click", new
        {
            user = "U0CAROL", channel = SandboxHarness.Approvals, ts, action_id = "deny",
        });

        var reply = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, reply!["status_code"]!.GetValue<int>());
        Assert.Equal("U0CAROL", sandbox.App.Last.Payload["user"]!["id"]!.GetValue<string>());
        Assert.Equal("deny", sandbox.App.Last.Payload["actions"]![0]!["action_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ActClick_UnknownMessage_Returns400WithTheReason()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("sandbox/act/click", new
        {
            user = "U0CAROL", channel = SandboxHarness.Approvals, ts = "1.000001", action_id = "deny",
        });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Empty(sandbox.App.Requests);
    }

    [Fact]
    public async Task Events_AfterAChange_StreamTheNewVersion()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var stream = await sandbox.Http.GetStreamAsync(new Uri("sandbox/events", UriKind.Relative));
        using var reader = new StreamReader(stream);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var initial = await reader.ReadLineAsync(deadline.Token);

        await sandbox.PostAsync();
        var expected = $"data: {sandbox.Server.Workspace.Version}";
        var seen = new List<string?>();
        while (!seen.Contains(expected))
        {
            seen.Add(await reader.ReadLineAsync(deadline.Token));
        }

        Assert.Equal("data: 0", initial);
        Assert.All(seen, line => Assert.Matches("^(data: [0-9]+)?$", line));
    }

    private static async Task<JsonObject> State(SandboxHarness sandbox, string? user) =>
        (await sandbox.Http.GetFromJsonAsync<JsonObject>(
            user is null ? "sandbox/state" : $"sandbox/state?user={user}"))!;
}
