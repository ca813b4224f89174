using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ApprovalBot.Browser.Tests.Support;
using ApprovalBot.Silo.Hosting;
using ApprovalBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace ApprovalBot.Browser.Tests;

/// <summary>
/// A Silo bound beyond loopback (0.0.0.0) exposes the dashboard only behind Basic credentials, and refuses to
/// start without them. Only loopback traffic is sent: the tests talk to 127.0.0.1.
/// </summary>
public sealed class DashboardAccessTests : IAsyncLifetime
{
    private const string Username = "operator";
    private TestDatabase _database = null!;
    private ChromiumSession _browser = null!;
    private WebApplication? _silo;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("dashboardauth");
        await _database.MigrateAsync();
        _browser = await ChromiumSession.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await SiloWebApp.StopAsync(_silo);
        }

        await _browser.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_ExposedWithoutCredentials_SiloRefusesToStart()
    {
        var shots = new StepScreenshots(_browser.Page);
        var port = SiloWebApp.FreePort();
        var settings = SiloWebApp.Settings(_database, NewClusterId(), $"http://0.0.0.0:{port}");

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var silo = await SiloWebApp.BuildAsync(settings);
        });

        var refusal = Assert.IsType<StartupException>(error);
        Assert.Contains("Dashboard:Username", refusal.Message, StringComparison.Ordinal);
        var visit = await Record.ExceptionAsync(
            () => _browser.Page.GotoAsync($"http://127.0.0.1:{port}/dashboard"));
        await shots.TakeAsync("nothing-served");
        Assert.Contains("ERR_CONNECTION_REFUSED", Assert.IsType<PlaywrightException>(visit).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WithCredentials_RequiresThem()
    {
        var shots = new StepScreenshots(_browser.Page);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var settings = SiloWebApp.Settings(_database, NewClusterId(), "http://0.0.0.0:0");
        settings["Dashboard:Username"] = Username;
        settings["Dashboard:Password"] = password;
        _silo = await SiloWebApp.BuildAsync(settings);
        await _silo.StartAsync();
        var silo = SiloWebApp.LoopbackAddress(_silo);
        // No redirects: HttpClient drops the Authorization header when following /dashboard to /dashboard/.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = silo };

        using var anonymous = await GetAsync(http, "dashboard", credentials: null);
        using var anonymousPage = await GetAsync(http, "dashboard/", credentials: null);
        using var wrong = await GetAsync(http, "dashboard/", Basic(Username, "not-" + password));
        using var right = await GetAsync(http, "dashboard/", Basic(Username, password));
        using var admin = await GetAsync(http, "admin/requests/corr-" + new string('0', 32), null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("<html", await right.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        // Headless Chromium cancels the Basic prompt: the visit fails on a blank page, so no screenshot.
        var refused = await Record.ExceptionAsync(
            () => _browser.Page.GotoAsync(new Uri(silo, "dashboard").ToString()));
        Assert.Contains("ERR_INVALID_AUTH_CREDENTIALS", Assert.IsType<PlaywrightException>(refused).Message,
            StringComparison.Ordinal);
        await _browser.Page.SetExtraHTTPHeadersAsync(
            [KeyValuePair.Create("Authorization", Basic(Username, password).ToString())]);
        await DashboardPage.OpenAsync(_browser.Page, silo, shots);
        await shots.TakeAsync("with-credentials");
    }

    private static string NewClusterId() => "browser-" + Guid.NewGuid().ToString("N")[..8];

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpResponseMessage> GetAsync(
        HttpClient http, string path, AuthenticationHeaderValue? credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = credentials;
        return await http.SendAsync(request);
    }
}
