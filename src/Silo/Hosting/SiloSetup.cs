using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ApprovalBot.Grains;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace ApprovalBot.Silo.Hosting;

/// <summary>
/// Everything that makes an Orleans silo an ApprovalBot silo. The Silo program and the test clusters call the same
/// methods, so tests run the production wiring.
/// </summary>
public static class SiloSetup
{
    /// <summary>The grain storage provider approval and index grains use.</summary>
    public const string StorageName = "approvals";

    /// <summary>The ADO.NET invariant for Npgsql; the providers default to SQL Server without it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Grain storage and reminders on PostgreSQL, the approval grains' services, trace propagation through grain
    /// calls and the dashboard.
    /// </summary>
    public static ISiloBuilder AddApprovalBotGrains(
        this ISiloBuilder silo, IConfiguration configuration, NpgsqlDataSource dataSource)
    {
        silo.AddAdoNetGrainStorage(StorageName, options =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
            // Retention must really erase a request's row, not leave an empty one behind.
            options.DeleteStateOnClear = true;
        });
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(StorageName)
            .Configure<IServiceProvider>((options, services) =>
                options.GrainStorageSerializer = services.GetRequiredService<OrleansGrainStorageSerializer>());
        silo.Services.AddSingleton<OrleansGrainStorageSerializer>();
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        });
        silo.Services.AddApprovalGrains(configuration);
        // Carries the Api's trace into grain calls, so one request is one trace from Slack to Slack.
        silo.AddActivityPropagation();
        // Storage failures carry Npgsql exceptions. Without this, a caller in another process (the Api) gets a
        // CodecNotFoundException in place of the failure, which it cannot tell from a bug.
        silo.Services.Configure<ExceptionSerializationOptions>(
            options => options.SupportedNamespacePrefixes.Add("Npgsql"));
        silo.AddDashboard();
        return silo;
    }

    /// <summary>Membership through PostgreSQL and this silo's identity and endpoints.</summary>
    public static ISiloBuilder UseApprovalBotClustering(
        this ISiloBuilder silo, IConfiguration configuration, NpgsqlDataSource dataSource)
    {
        var host = configuration.GetSection(OrleansHostOptions.SectionName).Get<OrleansHostOptions>() ?? new();
        silo.UseApprovalBotMembership(dataSource);
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = host.ClusterId;
            options.ServiceId = host.ServiceId;
        });
        // Bind where we advertise: 127.0.0.1 locally, the container or pod address in a cluster. The silo
        // and gateway ports carry no authentication, so they must not listen on every interface.
        silo.ConfigureEndpoints(
            AdvertisedAddress(host), host.SiloPort, host.GatewayPort, listenOnAnyHostAddress: false);
        return silo;
    }

    /// <summary>ADO.NET membership on PostgreSQL with the tuned failure detection; test clusters use it too.</summary>
    public static ISiloBuilder UseApprovalBotMembership(this ISiloBuilder silo, NpgsqlDataSource dataSource)
    {
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        });
        MembershipTuning.Apply(silo);
        return silo;
    }

    private static IPAddress AdvertisedAddress(OrleansHostOptions host)
    {
        if (host.AdvertisedIPAddress.Length > 0)
        {
            return IPAddress.TryParse(host.AdvertisedIPAddress, out var parsed)
                ? parsed
                : throw new StartupException(
                    $"Orleans:AdvertisedIPAddress '{host.AdvertisedIPAddress}' is not an IP address.");
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
