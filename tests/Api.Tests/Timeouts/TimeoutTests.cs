using ApprovalBot.Api.Tests.Support;
using ApprovalBot.Grains;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Inbound;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Product;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Api.Tests.Timeouts;

/// <summary>
/// The product on one fake clock: the sandbox signs, the Api verifies and grains time out on it.
/// </summary>
public sealed class FakeClockProductFixture : ProductFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync("clock", Time);
}

/// <summary>
/// Approval:Timeout (five minutes by default) and Slack's 30-minute life of a response_url.
/// </summary>
public sealed class TimeoutTests(FakeClockProductFixture fixture) : IClassFixture<FakeClockProductFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Request_NobodyDecidesBeforeTimeout_ExpiredWithItsTimeAndRequesterTold()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "expire@example.com nobody looks");
        var deadline = (await fixture.Product.SnapshotAsync(id!))!.Deadline;

        await AdvanceUntilExpiredAsync(id!);

        var final = SandboxFlow.ApprovalMessage(Sandbox.Workspace, id!)!;
        Assert.Equal(message.Ts, final.Ts);
        Assert.Contains("Expired", SandboxFlow.AllText(final), StringComparison.Ordinal);
        Assert.Contains(DateToken(deadline), SandboxFlow.AllText(final), StringComparison.Ordinal);
        await Sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id!).Count == 1,
            Wait, "one expiry notice to the requester");
        var notice = SandboxFlow.OutcomeNoticesTo(Sandbox.Workspace, SandboxUsers.Alice, id!)[0];
        Assert.Contains("expired at " + DateToken(deadline), notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_AfterExpiry_ToldWhenItExpiredAndNothingChanges()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "too-late@example.com");
        var deadline = (await fixture.Product.SnapshotAsync(id!))!.Deadline;
        await AdvanceUntilExpiredAsync(id!);

        var click = await Sandbox.ClickAsync(
            SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve",
            new ClickOptions(FromVersion: 0));

        Assert.Equal(200, click.StatusCode);
        await Sandbox.WaitForAsync(w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Bob, "expired at").Count > 0,
            Wait, "Bob to be told the request expired");
        var told = SandboxFlow.EphemeralsTo(Sandbox.Workspace, SandboxUsers.Bob, "expired at")[0];
        Assert.Contains(
            "This request expired at " + DateToken(deadline), told.Text, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Expired, (await fixture.Product.SnapshotAsync(id!))!.Status);
    }

    [Fact]
    public async Task Notice_AfterResponseUrlIsThirtyMinutesOld_SentAsDirectMessage()
    {
        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "slow@example.com --timeout 1h");
        fixture.Time.Advance(TimeSpan.FromMinutes(31));

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        await Sandbox.WaitForFinalMessageAsync(id!, "approved");
        await Sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id!).Count == 1,
            Wait, "one notice to the requester");
        var notice = SandboxFlow.OutcomeNoticesTo(Sandbox.Workspace, SandboxUsers.Alice, id!)[0];
        Assert.Equal(SandboxWorkspace.DirectChannelIdFor(SandboxUsers.Alice), notice.ChannelId);
        Assert.False(notice.IsEphemeral);
        Assert.Contains("was approved by <@U0BOB>", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(
            Sandbox.Workspace.Calls("response_url"), c => c.Body.Contains(id!, StringComparison.Ordinal));
    }

    /// <summary>
    /// Steps the shared clock a minute at a time until the approval message shows the expiry.
    /// </summary>
    private Task AdvanceUntilExpiredAsync(string id) =>
        FakeClock.AdvanceUntilAsync(fixture.Time, TimeSpan.FromMinutes(1),
            () => SandboxFlow.ApprovalMessage(Sandbox.Workspace, id) is { } m
                && m.ButtonActionIds().Count == 0
                && SandboxFlow.AllText(m).Contains("Expired", StringComparison.Ordinal),
            $"the approval message of {id} rewritten as expired");

    private static string DateToken(DateTimeOffset at) => $"<!date^{at.ToUnixTimeSeconds()}^";
}
