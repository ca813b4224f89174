using ApprovalBot.Browser.Tests.Support;
using ApprovalBot.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace ApprovalBot.Browser.Tests;

/// <summary>The Orleans Dashboard a Silo serves at /dashboard shows every member of a three-silo cluster.</summary>
public sealed class DashboardClusterTests : IAsyncLifetime
{
    private readonly List<WebApplication> _silos = [];
    private readonly List<int> _siloPorts = [];
    private TestDatabase _database = null!;
    private ChromiumSession _browser = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("dashboard");
        await _database.MigrateAsync();
        _browser = await ChromiumSession.StartAsync();
    }

    public async Task DisposeAsync()
    {
        // The last silo first, so the one serving the dashboard is not left alone waiting on dead peers.
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await SiloWebApp.StopAsync(silo);
        }

        await _browser.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_ThreeSiloCluster_ListsEverySilo()
    {
        var shots = new StepScreenshots(_browser.Page);
        var clusterId = "browser-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            var settings = SiloWebApp.Settings(_database, clusterId, "http://127.0.0.1:0");
            var silo = await SiloWebApp.BuildAsync(settings);
            _silos.Add(silo);
            await silo.StartAsync();
            _siloPorts.Add(int.Parse(settings["Orleans:SiloPort"]!, System.Globalization.CultureInfo.InvariantCulture));
        }

        await _browser.Page.GotoAsync(new Uri(SiloWebApp.LoopbackAddress(_silos[0]), "dashboard").ToString());
        await shots.TakeAsync("dashboard");
        await _browser.Page.GetByText("Silos", new() { Exact = true }).First.ClickAsync();
        await Task.Delay(3000);
        await shots.TakeAsync("silos");
        await _browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "127.0.0.1" }).First.ClickAsync();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var shown = "";
        while (true)
        {
            shown = await _browser.Page.Locator("body").InnerTextAsync();
            if (_siloPorts.All(p => shown.Contains($"127.0.0.1:{p}", StringComparison.Ordinal)))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected the dashboard to list 127.0.0.1:{string.Join(", ", _siloPorts)} within 30 s; it showed:\n{shown}");
            await Task.Delay(250);
        }

        await shots.TakeAsync("every-silo");
    }
}
