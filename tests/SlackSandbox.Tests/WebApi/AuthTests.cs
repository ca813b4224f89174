using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class AuthTests
{
    [Fact]
    public async Task PostMessage_WithoutToken_ReturnsNotAuthed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject
            {
                ["channel"] = SandboxHarness.Approvals,
                ["text"] = "x",
            }, token: null);

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.Ok);
        Assert.Equal("not_authed", response.Error);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task PostMessage_WithWrongToken_ReturnsInvalidAuth()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject { ["channel"] = SandboxHarness.Approvals, ["text"] = "x" },
            token: "xoxb-someone-else");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("invalid_auth", response.Error);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
    }

    [Fact]
    public async Task PostMessage_WithRightToken_PostsTheMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "chat.postMessage", new JsonObject
            {
                ["channel"] = SandboxHarness.Approvals,
                ["text"] = "hello",
            });

        Assert.True(response.Ok);
        var message = Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
        Assert.Equal("hello", message.Text);
    }

    [Fact]
    public async Task PostMessage_FormBodyWithTokenField_IsAcceptedAsSlackDoes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = SandboxHarness.BotToken,
            ["channel"] = SandboxHarness.Approvals,
            ["text"] = "from a form",
            ["blocks"] = Blocks.ApprovalCard().ToJsonString(),
        });

        using var response = await sandbox.Http.PostAsync(
            new Uri(sandbox.Server.ApiBaseUrl, "chat.postMessage"), form);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["ok"]!.GetValue<bool>(), body.ToJsonString());
        var message = Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.Approvals));
        Assert.Equal(["approve", "deny"], message.ButtonActionIds());
    }

    [Fact]
    public async Task UnknownMethod_ReturnsUnknownMethod()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("chat.scheduleMessage", new JsonObject { ["channel"] = "C1" });

        Assert.Equal("unknown_method", response.Error);
    }

    [Fact]
    public async Task PostMessage_WithMalformedJson_ReturnsInvalidJson()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var url = new Uri(sandbox.Server.ApiBaseUrl, "chat.postMessage");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxHarness.BotToken);

        using var response = await sandbox.Http.SendAsync(request);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_json", body["error"]!.GetValue<string>());
    }
}
