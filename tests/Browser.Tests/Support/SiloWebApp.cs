using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ApprovalBot.Silo.Hosting;
using ApprovalBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalBot.Browser.Tests.Support;

/// <summary>
/// A real Silo web app hosted in the test process through <see cref="SiloProgram.BuildAsync"/>, configured
/// as an operator would: connection strings, Orleans endpoints on loopback, Slack and approver settings.
/// </summary>
public static class SiloWebApp
{
    // Nothing listens on the discard port: a Slack call the silo might make stays on this machine and fails.
    private const string UnreachableSlack = "http://127.0.0.1:9/api/";

    /// <summary>One silo's settings; silos sharing <paramref name="clusterId"/> form a cluster.</summary>
    public static Dictionary<string, string?> Settings(
        TestDatabase database, string clusterId, string urls) => new()
    {
        ["urls"] = urls,
        ["ConnectionStrings:" + ConnectionSettings.RuntimeKey] = database.RuntimeConnectionString,
        ["ConnectionStrings:" + ConnectionSettings.AdminKey] = database.AdminConnectionString,
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:ServiceId"] = clusterId,
        ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        ["Slack:BotToken"] = "xoxb-browser-tests",
        ["Slack:ApprovalChannelId"] = "C0APPROVALS",
        ["Slack:ApiBaseUrl"] = UnreachableSlack,
        ["Approval:Approvers:0"] = "U0BOB",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static async Task<WebApplication> BuildAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(settings["urls"]!);
        return await SiloProgram.BuildAsync(builder);
    }

    /// <summary>Where a started silo serves HTTP, always as a loopback address.</summary>
    public static Uri LoopbackAddress(WebApplication app)
    {
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single());
        return new UriBuilder(bound) { Host = IPAddress.Loopback.ToString() }.Uri;
    }

    /// <summary>A TCP port free on this machine right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
