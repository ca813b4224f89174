using ApprovalBot.Api.Commands;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Commands;

/// <summary>
/// Commands the Api answers without creating anything: the reply says why (with usage where it helps), names
/// no correlation id, nothing reaches the approval channel and the requester has no open request.
/// </summary>
[Collection(CommandProduct.Name)]
public sealed class CommandRefusalTests(CommandProductFixture fixture)
{
    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Theory]
    [InlineData("not-an-email some reason", "not one email address")]
    [InlineData("@example.com", "not one email address")]
    [InlineData("a@b@example.com", "not one email address")]
    [InlineData("someone@localhost", "needs a dot")]
    [InlineData("a..b@example.com", "cannot have")]
    [InlineData("jörg@example.com", "cannot have")]
    [InlineData("user@-bad-.example", "not a valid domain name")]
    [InlineData("user@example.123", "not a valid domain name")]
    [InlineData("<mailto:broken@example.com", "not an email address Slack could send")]
    public async Task Command_InvalidEmail_RefusedWithTheProblemAndNothingCreated(string text, string problem)
    {
        var reply = await RefusedAsync(text);

        Assert.Contains(problem, reply, StringComparison.Ordinal);
        Assert.Contains("*Usage*", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("HELP")]
    public async Task Command_EmptyOrHelp_AnswersUsageAndNothingCreated(string text)
    {
        var reply = await RefusedAsync(text);

        Assert.StartsWith("*Usage*", reply, StringComparison.Ordinal);
        Assert.Contains("/approve user@example.com [reason]", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_MailtoLinkWhoseLabelDiffers_RefusedAsAmbiguous()
    {
        var reply = await RefusedAsync("<mailto:a@b.example|c@d.example> mismatched label");

        Assert.Contains("differ", reply, StringComparison.Ordinal);
        Assert.Contains("unclear which address", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_TimeoutOverMaxTimeout_RefusedNamingTheLongestAllowed()
    {
        var reply = await RefusedAsync("long@example.com --timeout 2d why");

        Assert.Contains("timeout must be positive and at most 1 day", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_TimeoutInAnUnknownUnit_RefusedWithTheUnitsAccepted()
    {
        var reply = await RefusedAsync("units@example.com --timeout 2w");

        Assert.Contains("30m, 2h or 3d", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_OverPerRequesterCap_RequesterToldTheLimitAndNothingCreated()
    {
        var requester = CommandProductFixture.CapRequester;
        for (var i = 0; i < CommandProductFixture.MaxPending; i++)
        {
            var (_, _, open) = await Sandbox.CommandAsync(requester, $"cap{i}@example.com request {i}");
            Assert.NotNull(open);
            await Sandbox.WaitForApprovalMessageAsync(open);
        }

        var postsBefore = SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace);

        var (status, reply, id) = await Sandbox.CommandAsync(requester, "cap-extra@example.com one too many");

        Assert.Equal(200, status);
        var limit = $"You already have {CommandProductFixture.MaxPending} open approval requests";
        Assert.Contains(limit, reply, StringComparison.Ordinal);
        Assert.Contains("/approve cancel", reply, StringComparison.Ordinal);
        Assert.Null(id);
        Assert.Equal(postsBefore, SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace));
        var list = await Sandbox.ListAsync(requester);
        Assert.Equal(CommandProductFixture.MaxPending, SandboxFlow.CorrelationIds(list).Count);
        Assert.DoesNotContain("cap-extra@example.com", list, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends <paramref name="text"/> as Dave, checks it was answered with 200 and created nothing, and returns the
    /// reply for the caller's own checks.
    /// </summary>
    private async Task<string> RefusedAsync(string text)
    {
        var postsBefore = SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace);
        var (status, reply, id) = await Sandbox.CommandAsync(SandboxUsers.Dave, text);
        Assert.Equal(200, status);
        await AssertNothingCreatedAsync(SandboxUsers.Dave, id, postsBefore);
        return reply;
    }

    /// <summary>
    /// The list is a round trip through the requester's index grain, so a request stored behind the reply's
    /// back would show there; the approval channel must not have grown either.
    /// </summary>
    private async Task AssertNothingCreatedAsync(string requester, string? replyId, int postsBefore)
    {
        Assert.Null(replyId);
        var list = await Sandbox.ListAsync(requester);
        Assert.NotEqual(CommandReplies.NotConfirmed, list);
        Assert.Empty(SandboxFlow.CorrelationIds(list));
        Assert.Equal(postsBefore, SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace));
    }
}
