using ApprovalBot.Browser.Tests.Support;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Browser.Tests;

/// <summary>
/// <c>/approve status</c>, <c>list</c> and <c>cancel</c> typed on the sandbox page, in headless Chromium.
/// </summary>
[Collection(SandboxProduct.Name)]
public sealed class SandboxSelfServiceTests(SandboxProductFixture fixture) : IAsyncLifetime
{
    private ChromiumSession _browser = null!;

    public async Task InitializeAsync() => _browser = await ChromiumSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task SandboxPage_StatusListCancel_RepliesShownAndMessageRewrittenAsCancelled()
    {
        var flow = await RequestFlow.OpenAsync(_browser.Page, fixture.Product.Sandbox.BaseUrl);
        var (page, shots) = (flow.Page, flow.Shots);
        var id = await flow.RequestAsync(SandboxUsers.Alice, "self-service@example.com trial");

        await page.SendAsync($"/approve status {id}");
        await page.UntilAsync(page.MessageContaining(id).Filter(new() { HasText = "pending" }),
            $"the status of {id} showing it pending");
        await shots.TakeAsync("status");
        await page.SendAsync("/approve list");
        await page.UntilAsync(page.MessageContaining(id).Filter(new() { HasText = "Your open approval requests" }),
            $"the list naming {id}");
        await shots.TakeAsync("list");
        await page.SendAsync($"/approve cancel {id}");
        await page.UntilAsync(page.MessageContaining(id).Filter(new() { HasText = "withdrawn" }),
            $"the reply that {id} was withdrawn");
        await shots.TakeAsync("cancel");

        await page.OpenChannelAsync(SandboxFlow.ApprovalChannel, "# approvals");
        var cancelled = page.MessageContaining(id).Filter(new() { HasText = "cancelled" })
            .Filter(new() { HasNot = page.Page.GetByTestId("button") });
        await page.UntilAsync(cancelled, $"the message of {id} rewritten as cancelled, without buttons");
        await shots.TakeAsync("message-cancelled");
    }
}
