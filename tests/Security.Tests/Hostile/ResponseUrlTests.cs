using ApprovalBot.Security.Tests.Support;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Security.Tests.Hostile;

/// <summary>
/// A <c>response_url</c> is attacker-controlled text until checked: the product posts only to hosts in
/// <c>Slack:ResponseUrlHosts</c> (here the sandbox), and refuses every other URL before any lookup or
/// connection, so nothing here ever leaves the machine. The refusal is logged; the sandbox records that
/// nothing arrived.
/// </summary>
[Collection(SecurityProduct.Name)]
public sealed class ResponseUrlTests(SecurityProductFixture fixture)
{
    private const int RefusedEventId = 2102;

    [Theory]
    [InlineData("https://attacker.invalid/x", "attacker.invalid")]
    [InlineData("http://attacker.invalid/x", "attacker.invalid")]
    [InlineData("https://hooks.slack.com.attacker.invalid/x", "hooks.slack.com.attacker.invalid")]
    [InlineData("https://{sandbox}@attacker.invalid/x", "attacker.invalid")]
    [InlineData("http://attacker.invalid@{sandbox}/response/probe", "carries user info")]
    [InlineData("//attacker.invalid/x", "attacker.invalid")]
    [InlineData("javascript:alert(1)", "not an https URL")]
    public async Task Click_WithResponseUrlElsewhere_ReplyRefusedBeforeSendingAndNothingCalled(
        string template, string logged)
    {
        var sandbox = fixture.Product.Sandbox.ResponseUrlHost;
        var url = template.Replace("{sandbox}", sandbox, StringComparison.Ordinal);
        var click = SlackBodies.Click(SandboxUsers.Dave, fixture.Anchor.ButtonValue, url);
        var watch = await StateWatch.StartAsync(fixture);

        var reply = await fixture.Api.SignedAsync(ApiClient.InteractionsPath, SlackBodies.Interaction(click));

        Assert.Equal(200, reply.Status);
        await watch.AssertNothingChangedAsync();
        var refusals = watch.Logs.Where(e => e.EventId == RefusedEventId).Select(e => e.Message).ToList();
        Assert.True(refusals.Any(r => r.Contains(logged, StringComparison.Ordinal)),
            $"Expected a refusal naming '{logged}', saw: {string.Join(" / ", refusals)}");
    }

    [Fact]
    public async Task Command_WithResponseUrlElsewhere_OutcomeNeverPostedThereButSentAsDirectMessage()
    {
        var command = SlackBodies.Command(
            SandboxUsers.Alice, "hook-elsewhere@example.com", "https://attacker.invalid/hook");
        var submitted = await fixture.Api.SignedAsync(ApiClient.CommandsPath, command);
        var id = SandboxFlow.CorrelationIds(submitted.Body).Single();
        var message = await fixture.Product.Sandbox.WaitForApprovalMessageAsync(id);
        var silo = fixture.SiloLogs.Mark;

        var sandbox = fixture.Product.Sandbox;

        await sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        await sandbox.WaitForAsync(w => SandboxFlow.OutcomeNoticesTo(w, SandboxUsers.Alice, id).Count == 1,
            TimeSpan.FromSeconds(30), "the outcome told to Alice once");
        var notice = SandboxFlow.OutcomeNoticesTo(sandbox.Workspace, SandboxUsers.Alice, id)[0];
        Assert.Equal(SandboxWorkspace.DirectChannelIdFor(SandboxUsers.Alice), notice.ChannelId);
        Assert.Contains(fixture.SiloLogs.Since(silo), e => e.EventId == RefusedEventId
            && e.Message.Contains("attacker.invalid", StringComparison.Ordinal));
        await PendingRequest.SettledAsync(fixture.Product, id, open: false);
    }
}
