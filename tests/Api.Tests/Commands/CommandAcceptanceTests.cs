using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Commands;

/// <summary>
/// Commands in the shapes Slack really sends them that must create exactly one request, stored as the user
/// meant it; and a repeated command that must not create a second one.
/// </summary>
[Collection(CommandProduct.Name)]
public sealed class CommandAcceptanceTests(CommandProductFixture fixture)
{
    private ProductHarness Product => fixture.Product;

    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Theory]
    [InlineData(CommandProductFixture.MailtoRequester, "<mailto:a@b.example|a@b.example> hi", "a@b.example")]
    [InlineData(CommandProductFixture.PlusRequester, "user+tag@example.com plus", "user+tag@example.com")]
    [InlineData(CommandProductFixture.IdnRequester, "user@bücher.example idn", "user@bücher.example")]
    public async Task Command_AddressAsSlackSendsIt_CreatedAndStoredAsTyped(
        string requester, string text, string stored)
    {
        var (status, reply, id) = await Sandbox.CommandAsync(requester, text);

        Assert.Equal(200, status);
        Assert.NotNull(id);
        Assert.Contains("sent to <#C0APPROVALS>", reply, StringComparison.Ordinal);
        var snapshot = await Product.SnapshotAsync(id);
        Assert.Equal(stored, snapshot!.Email);
        var message = await Sandbox.WaitForApprovalMessageAsync(id);
        Assert.Contains(stored, SandboxFlow.AllText(message), StringComparison.Ordinal);
        Assert.Single(SandboxFlow.ApprovalMessages(Sandbox.Workspace, id));
    }

    [Fact]
    public async Task Command_WithTimeoutOption_DeadlineThatFarAfterCreationAndReasonKept()
    {
        var (status, reply, id) = await Sandbox.CommandAsync(
            CommandProductFixture.TimeoutRequester, "window@example.com --timeout 2h database migration");

        Assert.Equal(200, status);
        Assert.NotNull(id);
        var snapshot = await Product.SnapshotAsync(id);
        Assert.Equal(TimeSpan.FromHours(2), snapshot!.Deadline - snapshot.CreatedAt);
        Assert.Equal("database migration", snapshot.Reason);
        Assert.Contains(
            $"<!date^{snapshot.Deadline.ToUnixTimeSeconds()}^", reply, StringComparison.Ordinal);
        await Sandbox.WaitForApprovalMessageAsync(id);
    }

    [Fact]
    public async Task Command_RepeatedWithOtherCaseAndSpacing_SameCorrelationIdAndNoSecondMessage()
    {
        var requester = CommandProductFixture.RepeatRequester;
        var (_, _, first) = await Sandbox.CommandAsync(
            requester, "repeat@example.com quarterly access review");
        Assert.NotNull(first);
        await Sandbox.WaitForApprovalMessageAsync(first);
        var postsBefore = SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace);

        var (status, reply, again) = await Sandbox.CommandAsync(
            requester, "REPEAT@Example.COM   quarterly   access  review  ");

        Assert.Equal(200, status);
        Assert.Equal(first, again);
        Assert.Contains("already have this approval request pending", reply, StringComparison.Ordinal);
        var list = await Sandbox.ListAsync(requester);
        Assert.Single(SandboxFlow.CorrelationIds(list));
        Assert.Equal(postsBefore, SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace));
        Assert.Single(SandboxFlow.ApprovalMessages(Sandbox.Workspace, first));
    }
}
