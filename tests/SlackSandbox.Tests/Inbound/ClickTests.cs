using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.Inbound;

public sealed class ClickTests
{
    [Fact]
    public async Task Click_ApproveButton_SendsBlockActionsShapedLikeSlacks()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync(text: "Approval request");

        var reply = await sandbox.Server.ClickAsync("U0BOB", SandboxHarness.Approvals, ts, "approve");

        Assert.True(reply.IsSuccess);
        var request = sandbox.App.Last;
        Assert.Equal("/slack/interactions", request.Path);
        Assert.Equal(["payload"], request.Form.Keys);
        var p = request.Payload;
        Assert.Equal("block_actions", Str(p["type"]));
        Assert.Equal("U0BOB", Str(p["user"]!["id"]));
        Assert.Equal("bob", Str(p["user"]!["username"]));
        Assert.Equal(SandboxOptions.DefaultTeamId, Str(p["user"]!["team_id"]));
        Assert.Equal(SandboxOptions.DefaultTeamId, Str(p["team"]!["id"]));
        Assert.Equal("message", Str(p["container"]!["type"]));
        Assert.Equal(ts, Str(p["container"]!["message_ts"]));
        Assert.Equal(SandboxHarness.Approvals, Str(p["container"]!["channel_id"]));
        Assert.False(p["container"]!["is_ephemeral"]!.GetValue<bool>());
        Assert.Equal("approvals", Str(p["channel"]!["name"]));
        Assert.Null(p["enterprise"]);
        Assert.True(p.ContainsKey("enterprise"));
        Assert.False(p["is_enterprise_install"]!.GetValue<bool>());
        Assert.Equal(ts, Str(p["message"]!["ts"]));
        Assert.Equal("Approval request", Str(p["message"]!["text"]));
        Assert.Equal(2, p["message"]!["blocks"]!.AsArray().Count);
        Assert.Empty(p["state"]!["values"]!.AsObject());
        Assert.Equal(sandbox.Server.ResponseUrlHost, new Uri(Str(p["response_url"])).Authority);
        Assert.Matches(@"^\d+\.\d+\.[0-9a-f]{32}$", Str(p["trigger_id"]));
        var action = Assert.Single(p["actions"]!.AsArray())!;
        Assert.Equal("approve", Str(action["action_id"]));
        Assert.Equal("decision", Str(action["block_id"]));
        Assert.Equal("corr-1.token", Str(action["value"]));
        Assert.Equal("primary", Str(action["style"]));
        Assert.Equal("button", Str(action["type"]));
        Assert.Equal("Approve", Str(action["text"]!["text"]));
        Assert.Matches(@"^\d{10}\.\d{6}$", Str(action["action_ts"]));
    }

    [Fact]
    public async Task Click_OnAnEphemeralMessage_MarksTheContainerEphemeralAndOmitsTheMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ephemeral = await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0BOB", ["blocks"] = Blocks.ApprovalCard(),
        });

        await sandbox.Server.ClickAsync(
            "U0BOB", SandboxHarness.Approvals, Str(ephemeral.Body["message_ts"]), "deny");

        var p = sandbox.App.Last.Payload;
        Assert.True(p["container"]!["is_ephemeral"]!.GetValue<bool>());
        Assert.False(p.ContainsKey("message"));
    }

    [Fact]
    public async Task Click_OnSomeoneElsesEphemeralMessage_ThrowsAndSendsNothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ephemeral = await sandbox.CallAsync("chat.postEphemeral", new JsonObject
        {
            ["channel"] = SandboxHarness.Approvals, ["user"] = "U0BOB", ["blocks"] = Blocks.ApprovalCard(),
        });

        var act = () => sandbox.Server.ClickAsync(
            "U0CAROL", SandboxHarness.Approvals, Str(ephemeral.Body["message_ts"]), "approve");

        await Assert.ThrowsAsync<ArgumentException>(act);
        Assert.Empty(sandbox.App.Requests);
    }

    [Fact]
    public async Task Click_ButtonTheMessageDoesNotHave_Throws()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();

        var act = () => sandbox.Server.ClickAsync("U0BOB", SandboxHarness.Approvals, ts, "escalate");

        await Assert.ThrowsAsync<ArgumentException>(act);
    }

    [Fact]
    public async Task Click_ApiAnswersNon200_ReplyCarriesTheStatus()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ts = await sandbox.PostAsync();
        sandbox.App.Reply = _ => new FakeReply(202, "text/plain", "");

        var reply = await sandbox.Server.ClickAsync("U0BOB", SandboxHarness.Approvals, ts, "approve");

        Assert.Equal(202, reply.StatusCode);
        Assert.False(reply.IsSuccess);
    }

    [Fact]
    public async Task Click_SectionAccessoryButton_IsClickable()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var section = Blocks.Section("Needs a decision");
        section["block_id"] = "card";
        section["accessory"] = Blocks.Button("approve", "Approve", "v");
        var ts = await sandbox.PostAsync(blocks: [section]);

        await sandbox.Server.ClickAsync("U0CAROL", SandboxHarness.Approvals, ts, "approve");

        Assert.Equal("card", Str(sandbox.App.Last.Payload["actions"]![0]!["block_id"]));
    }

    private static string Str(JsonNode? node) => node!.GetValue<string>();
}
