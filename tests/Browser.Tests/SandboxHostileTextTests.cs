using ApprovalBot.Browser.Tests.Support;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Browser.Tests;

/// <summary>What a requester types is shown as text: no markup, no script, no channel-wide ping.</summary>
[Collection(SandboxProduct.Name)]
public sealed class SandboxHostileTextTests(SandboxProductFixture fixture) : IAsyncLifetime
{
    private const string Markup = "<img src=x onerror=alert(1)>";
    private const string Ping = "<!channel>";
    private ChromiumSession _browser = null!;

    public async Task InitializeAsync() => _browser = await ChromiumSession.StartAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task SandboxPage_HostileReason_RenderedAsTextNotHtml()
    {
        var dialogs = new List<string>();
        _browser.Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        var flow = await RequestFlow.OpenAsync(_browser.Page, fixture.Product.Sandbox.BaseUrl);

        var id = await flow.RequestAsync(SandboxUsers.Alice, $"hostile@example.com {Markup} {Ping} *bold*");
        var card = await flow.ShowApprovalMessageAsync(id, SandboxUsers.Bob);

        var shown = await card.InnerTextAsync();
        Assert.Contains($"{Markup} {Ping}", shown, StringComparison.Ordinal);
        Assert.Contains("bold", shown, StringComparison.Ordinal);
        Assert.Equal(1, await card.Locator(".quote", new() { HasText = Markup }).CountAsync());
        Assert.Equal(0, await card.Locator("img").CountAsync());
        Assert.Equal(0, await _browser.Page.Locator("img").CountAsync());
        Assert.Equal(0, await card.Locator(".mention", new() { HasText = "@channel" }).CountAsync());
        Assert.Equal(0, await RequestsForAsync("/x"));
        Assert.Empty(dialogs);
    }

    // An <img src=x> that reached the DOM would have asked the sandbox for /x.
    private Task<int> RequestsForAsync(string path) => _browser.Page.EvaluateAsync<int>(
        "path => performance.getEntriesByType('resource')" +
        ".filter(e => new URL(e.name).pathname === path).length", path);
}
