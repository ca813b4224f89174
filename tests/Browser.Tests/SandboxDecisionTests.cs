using ApprovalBot.Browser.Tests.Support;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Browser.Tests;

/// <summary>A request typed on the sandbox page and decided with its buttons, in headless Chromium.</summary>
[Collection(SandboxProduct.Name)]
public sealed class SandboxDecisionTests(SandboxProductFixture fixture) : IAsyncLifetime
{
    private ChromiumSession _browser = null!;

    public async Task InitializeAsync() => _browser = await ChromiumSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task SandboxPage_ApproveThroughBrowser_MessageRewrittenAndRequesterNotified()
    {
        var flow = await RequestFlow.OpenAsync(_browser.Page, fixture.Product.Sandbox.BaseUrl);
        var id = await flow.RequestAsync(SandboxUsers.Alice, "new-hire@example.com onboarding");
        var card = await flow.ShowApprovalMessageAsync(id, SandboxUsers.Bob);

        await flow.ClickAsync(card, "approve");

        await flow.WaitForOutcomeAsync(id, "approved", "@Bob");
        await flow.WaitForRequesterNoticeAsync(SandboxUsers.Alice, id, "was approved by @Bob");
        await flow.AssertNoticeHiddenFromAsync(SandboxUsers.Bob, SandboxUsers.Alice, id);
    }

    [Fact]
    public async Task SandboxPage_DenyThroughBrowser_MessageRewrittenAsDenied()
    {
        var flow = await RequestFlow.OpenAsync(_browser.Page, fixture.Product.Sandbox.BaseUrl);
        var id = await flow.RequestAsync(SandboxUsers.Alice, "contractor@example.com short project");
        var card = await flow.ShowApprovalMessageAsync(id, SandboxUsers.Carol);

        await flow.ClickAsync(card, "deny");
        await flow.GiveDenyReasonAsync("No budget this quarter");

        var denied = await flow.WaitForOutcomeAsync(id, "denied", "@Carol");
        Assert.Contains("No budget this quarter", await denied.InnerTextAsync(), StringComparison.Ordinal);
        await flow.WaitForRequesterNoticeAsync(SandboxUsers.Alice, id, "was denied by @Carol");
    }
}
