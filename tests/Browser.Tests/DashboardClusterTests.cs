using ApprovalBot.Browser.Tests.Support;
using ApprovalBot.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace ApprovalBot.Browser.Tests;

/// <summary>
/// The Orleans Dashboard on one Silo shows every member of a three-silo cluster. The silos are real Silo web
/// apps built by SiloProgram.BuildAsync inside the test process, clustered through PostgreSQL membership.
/// </summary>
public sealed class DashboardClusterTests : IAsyncLifetime
{
    private const int SiloCount = 3;
    private readonly List<WebApplication> _silos = [];
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
        // Newest first, so the first silo is the last to see its peers leave.
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
        var addresses = new List<string>();
        for (var i = 0; i < SiloCount; i++)
        {
            var settings = SiloWebApp.Settings(_database, clusterId, "http://127.0.0.1:0");
            _silos.Add(await SiloWebApp.BuildAsync(settings));
            await _silos[^1].StartAsync();
            addresses.Add($"127.0.0.1:{settings["Orleans:SiloPort"]}@");
        }

        var firstSilo = SiloWebApp.LoopbackAddress(_silos[0]);
        var dashboard = await DashboardPage.OpenAsync(_browser.Page, firstSilo, shots);
        await shots.TakeAsync("overview");
        await dashboard.OpenSilosAsync();

        await dashboard.UntilShownAsync(addresses, $"the Silos view to list all {SiloCount} silos");
        await dashboard.UntilActiveAsync(addresses);
        await shots.TakeAsync("every-silo");
    }
}
