using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.Inbound;

public sealed class ViewSubmissionTests
{
    [Fact]
    public async Task Submit_WithAReason_SendsViewSubmissionWithStateValuesAndClosesOnEmptyReply()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox);

        var reply = await sandbox.Server.SubmitViewAsync(
            "U0BOB", viewId, new Dictionary<string, string> { ["reason"] = "not during the freeze + 100%" });

        Assert.True(reply.IsSuccess);
        var p = sandbox.App.Last.Payload;
        Assert.Equal("view_submission", p["type"]!.GetValue<string>());
        Assert.Equal("U0BOB", p["user"]!["id"]!.GetValue<string>());
        Assert.Equal(viewId, p["view"]!["id"]!.GetValue<string>());
        Assert.Equal("modal", p["view"]!["type"]!.GetValue<string>());
        Assert.Equal("corr-1.token", p["view"]!["private_metadata"]!.GetValue<string>());
        Assert.Equal("deny_reason", p["view"]!["callback_id"]!.GetValue<string>());
        var input = p["view"]!["state"]!["values"]!["reason"]!["reason_input"]!;
        Assert.Equal("plain_text_input", input["type"]!.GetValue<string>());
        Assert.Equal("not during the freeze + 100%", input["value"]!.GetValue<string>());
        Assert.Empty(p["response_urls"]!.AsArray());
        Assert.False(sandbox.Server.Workspace.View(viewId)!.IsOpen);
    }

    [Fact]
    public async Task Submit_ApiAnswersErrors_KeepsTheModalOpenWithTheErrors()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox);
        sandbox.App.Reply = _ => FakeReply.Json(
            """{"response_action":"errors","errors":{"reason":"Give at least ten characters"}}""");

        await sandbox.Server.SubmitViewAsync("U0BOB", viewId, Reason("no"));

        var view = sandbox.Server.Workspace.View(viewId)!;
        Assert.True(view.IsOpen);
        Assert.Equal("Give at least ten characters", view.Errors["reason"]);
    }

    [Fact]
    public async Task Submit_RequiredInputLeftEmpty_SendsNothingAndMarksTheInput()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox);
        var sent = sandbox.App.Requests.Count;

        var reply = await sandbox.Server.SubmitViewAsync("U0BOB", viewId, new Dictionary<string, string>());

        Assert.Equal("required_input_missing", reply.Error);
        Assert.Equal(sent, sandbox.App.Requests.Count);
        Assert.True(sandbox.Server.Workspace.View(viewId)!.Errors.ContainsKey("reason"));
    }

    [Fact]
    public async Task Submit_ValueKeyedByActionId_IsAcceptedToo()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox);

        await sandbox.Server.SubmitViewAsync(
            "U0BOB", viewId, new Dictionary<string, string> { ["reason_input"] = "by action id" });

        var values = sandbox.App.Last.Payload["view"]!["state"]!["values"]!;
        var value = values["reason"]!["reason_input"]!["value"];
        Assert.Equal("by action id", value!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_ApiAnswers500_ModalStaysOpenWithSlacksConnectionError()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox);
        sandbox.App.Reply = _ => new FakeReply(500, "text/plain", "");

        await sandbox.Server.SubmitViewAsync("U0BOB", viewId, Reason("x"));

        var view = sandbox.Server.Workspace.View(viewId)!;
        Assert.True(view.IsOpen);
        Assert.Contains("trouble connecting", view.Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_ViewOpenedWithNotifyOnClose_SendsViewClosed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox, notifyOnClose: true);

        var reply = await sandbox.Server.CloseViewAsync("U0BOB", viewId);

        Assert.True(reply.IsSuccess);
        var p = sandbox.App.Last.Payload;
        Assert.Equal("view_closed", p["type"]!.GetValue<string>());
        Assert.Equal(viewId, p["view"]!["id"]!.GetValue<string>());
        Assert.False(p["is_cleared"]!.GetValue<bool>());
        Assert.False(sandbox.Server.Workspace.View(viewId)!.IsOpen);
    }

    [Fact]
    public async Task Close_ViewOpenedWithoutNotifyOnClose_ClosesButSendsNothingLikeSlack()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox);
        var sent = sandbox.App.Requests.Count;

        var reply = await sandbox.Server.CloseViewAsync("U0BOB", viewId);

        Assert.Equal("notify_on_close_false", reply.Error);
        Assert.Equal(sent, sandbox.App.Requests.Count);
        Assert.False(sandbox.Server.Workspace.View(viewId)!.IsOpen);
    }

    [Fact]
    public async Task Submit_ViewOfAnotherUser_Throws()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var viewId = await OpenModalAsync(sandbox);

        var act = () => sandbox.Server.SubmitViewAsync(
            "U0CAROL", viewId, new Dictionary<string, string> { ["reason"] = "x" });

        await Assert.ThrowsAsync<ArgumentException>(act);
    }

    private static Dictionary<string, string> Reason(string reason) => new() { ["reason"] = reason };

    private static async Task<string> OpenModalAsync(SandboxHarness sandbox, bool notifyOnClose = false)
    {
        var trigger = await ViewsOpenTests.ClickDenyAsync(sandbox);
        var response = await ViewsOpenTests.Open(sandbox, trigger, notifyOnClose);
        Assert.True(response.Ok, response.Body.ToJsonString());
        return response.Body["view"]!["id"]!.GetValue<string>();
    }
}
