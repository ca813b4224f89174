using Microsoft.Playwright;

namespace ApprovalBot.Browser.Tests.Support;

/// <summary>The Orleans Dashboard a Silo serves at /dashboard, read as a person reads it.</summary>
public sealed class DashboardPage(IPage page, StepScreenshots screenshots)
{
    public IPage Page => page;

    public static async Task<DashboardPage> OpenAsync(
        IPage page, Uri siloBaseUrl, StepScreenshots screenshots)
    {
        var dashboard = new DashboardPage(page, screenshots);
        var response = await page.GotoAsync(new Uri(siloBaseUrl, "dashboard").ToString());
        Assert.Equal(200, response?.Status);
        await dashboard.UntilShownAsync(["Orleans Dashboard", "Silos"], "the dashboard with its Silos menu");
        return dashboard;
    }

    public async Task OpenSilosAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Silos", Exact = true }).ClickAsync();
        await UntilShownAsync(["Silo Health"], "the Silos view with its Silo Health table");
    }

    /// <summary>Waits until the Silo Health table has a row for each address marked Active.</summary>
    public Task UntilActiveAsync(IReadOnlyList<string> addresses) =>
        PageWait.UntilAsync(
            async () =>
            {
                var active = 0;
                foreach (var address in addresses)
                {
                    active += await page.Locator("tr").Filter(new() { HasText = address })
                        .Filter(new() { HasText = "Active" }).CountAsync() > 0 ? 1 : 0;
                }

                return active == addresses.Count;
            },
            $"a row marked Active for each of {string.Join(", ", addresses)}",
            async () => $"the page showed:\n{await BodyTextAsync()}\nScreenshot: " +
                await screenshots.TakeAsync("timed-out"));

    /// <summary>Waits until the page's text contains every one of <paramref name="texts"/>.</summary>
    public Task UntilShownAsync(IReadOnlyList<string> texts, string expectation) =>
        PageWait.UntilAsync(
            async () => texts.All((await BodyTextAsync()).Contains),
            $"{expectation} (showing {string.Join(", ", texts)})",
            async () => $"the page showed:\n{await BodyTextAsync()}\nScreenshot: " +
                await screenshots.TakeAsync("timed-out"));

    private Task<string> BodyTextAsync() => page.Locator("body").InnerTextAsync();
}
