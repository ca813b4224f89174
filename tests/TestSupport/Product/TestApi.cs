using ApprovalBot.Api.Hosting;
using ApprovalBot.TestSupport.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.TestSupport.Product;

/// <summary>
/// The real Api on Kestrel at 127.0.0.1 with a free port, configured like production from a test context: its
/// settings, its database and its cluster's identity.
/// </summary>
public static class TestApi
{
    public static async Task<(WebApplication Api, Uri BaseUrl)> StartAsync(
        ApprovalTestContext context,
        IEnumerable<KeyValuePair<string, string?>> apiSettings,
        TimeProvider? time = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // Every request logged at Information would bury what a test is about; tests that read logs raise it.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(context.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ApprovalBot"] = context.ConnectionString,
            ["Orleans:ClusterId"] = context.ServiceId,
            ["Orleans:ServiceId"] = context.ServiceId,
        });
        builder.Configuration.AddInMemoryCollection(apiSettings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        configure?.Invoke(builder);
        var api = ApiApp.Build(builder);
        await api.StartAsync();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return (api, new Uri(address.TrimEnd('/') + "/"));
    }
}
