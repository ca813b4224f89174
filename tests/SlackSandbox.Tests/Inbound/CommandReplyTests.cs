using ApprovalBot.SlackSandbox.Tests.TestSupport;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Tests.Inbound;

public sealed class CommandReplyTests
{
    [Fact]
    public async Task SlashCommand_JsonEphemeralReply_IsShownOnlyToTheRequester()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.App.Reply = _ => FakeReply.Json("""
            {"response_type":"ephemeral","text":"Request corr-1 submitted",
             "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*Submitted*"}}]}
            """);

        var reply = await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        Assert.Equal(200, reply.StatusCode);
        var workspace = sandbox.Server.Workspace;
        var shown = Assert.Single(workspace.MessagesVisibleTo(SandboxHarness.General, "U0ALICE"));
        Assert.Equal("Request corr-1 submitted", shown.Text);
        Assert.Equal("U0ALICE", shown.EphemeralTo);
        Assert.Contains("*Submitted*", shown.BlocksJson, StringComparison.Ordinal);
        Assert.Empty(workspace.MessagesVisibleTo(SandboxHarness.General, "U0BOB"));
    }

    [Fact]
    public async Task SlashCommand_PlainTextReply_IsShownAsAnEphemeralMessage()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.App.Reply = _ => FakeReply.Text("Could not confirm yet, try again");

        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        var shown = Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.General));
        Assert.Equal("Could not confirm yet, try again", shown.Text);
        Assert.Equal("U0ALICE", shown.EphemeralTo);
    }

    [Fact]
    public async Task SlashCommand_InChannelReply_IsShownToEveryone()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.App.Reply = _ => FakeReply.Json("""{"response_type":"in_channel","text":"Alice asked"}""");

        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        Assert.Single(sandbox.Server.Workspace.MessagesVisibleTo(SandboxHarness.General, "U0DAVE"));
    }

    [Fact]
    public async Task SlashCommand_EmptyReply_ShowsNothing()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var reply = await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        Assert.True(reply.IsSuccess);
        Assert.Empty(sandbox.Server.Workspace.Messages(SandboxHarness.General));
    }

    [Fact]
    public async Task SlashCommand_ApiAnswers500_SlackbotTellsTheUserItFailed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.App.Reply = _ => new FakeReply(500, "text/plain", "boom");

        var reply = await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        Assert.Equal(500, reply.StatusCode);
        var notice = Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.General));
        Assert.Equal(SandboxMessage.SlackbotUserId, notice.UserId);
        Assert.Equal("/approve failed with the error \"http_service_error\"", notice.Text);
    }

    [Fact]
    public async Task SlashCommand_ApiSlowerThanThreeSeconds_TimesOutAsSlackDoes()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var release = new TaskCompletionSource();
        sandbox.App.Hold = release.Task;

        var pending = sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");
        await sandbox.App.Arrived;
        sandbox.Time.Advance(TimeSpan.FromSeconds(3));
        var reply = await pending;
        release.SetResult();

        Assert.Equal(0, reply.StatusCode);
        Assert.Equal("operation_timeout", reply.Error);
        var notice = Assert.Single(sandbox.Server.Workspace.Messages(SandboxHarness.General));
        Assert.Equal("/approve failed with the error \"operation_timeout\"", notice.Text);
    }

    [Fact]
    public async Task SlashCommand_NoApiListening_FailsWithDispatchFailed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var gone = await FakeSlackApp.StartAsync();
        var address = gone.BaseUrl;
        await gone.DisposeAsync();
        sandbox.Server.SetAppBaseUrl(address);

        var reply = await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        Assert.Equal("dispatch_failed", reply.Error);
    }

    [Fact]
    public async Task SlashCommand_AppBaseUrlChangedAtRunTime_GoesToTheNewApi()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await using var other = await FakeSlackApp.StartAsync();

        sandbox.Server.SetAppBaseUrl(other.BaseUrl);
        await sandbox.Server.SendSlashCommandAsync("U0ALICE", "x@example.com");

        Assert.Single(other.Requests);
        Assert.Empty(sandbox.App.Requests);
    }
}
