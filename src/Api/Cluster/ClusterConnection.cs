using Npgsql;
using Orleans.Configuration;

namespace ApprovalBot.Api.Cluster;

/// <summary>
/// The Api's Orleans client, connected in the background so the Api starts and answers Slack even when no silo is
/// reachable yet. Until the first connection succeeds <see cref="Grains"/> is null and handlers reply that the
/// request could not be confirmed. Once connected, the client refreshes gateways from PostgreSQL by itself, so it
/// rides out silos coming and going.
/// </summary>
public sealed partial class ClusterConnection(
    IConfiguration configuration, NpgsqlDataSource dataSource, ILogger<ClusterConnection> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly GatewayCounter _gateways = new();
    private IHost? _client;

    /// <summary>The grain factory once connected, else null.</summary>
    public IGrainFactory? Grains { get; private set; }

    /// <summary>Connected, and the client still has at least one live gateway.</summary>
    public bool IsConnected => Grains is not null && _gateways.Count > 0;

    /// <summary>Why the last connection attempt failed, for the readiness report; null once connected.</summary>
    public string? LastFailure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var host = BuildClientHost();
            try
            {
                await host.StartAsync(stoppingToken);
                _client = host;
                Grains = host.Services.GetRequiredService<IClusterClient>();
                LastFailure = null;
                LogInformationConnected(logger, attempt);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                host.Dispose();
                LastFailure = $"{e.GetType().Name}: {e.Message}";
                if (attempt++ % 15 == 0)
                {
                    LogWarningNotConnected(logger, attempt, e.Message);
                }

                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_client is not null)
        {
            await _client.StopAsync(cancellationToken);
            _client.Dispose();
        }
    }

    private IHost BuildClientHost()
    {
        var orleans = configuration.GetSection("Orleans");
        return Host.CreateDefaultBuilder()
            // Connection warnings repeat on every retry while no silo is up; this class logs that state sampled.
            .ConfigureLogging(logging => logging.ClearProviders()
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(LogLevel.Error))
            .UseOrleansClient(client =>
            {
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.DataSource = dataSource;
                });
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = orleans["ClusterId"] is { Length: > 0 } id ? id : "approvalbot";
                    options.ServiceId = orleans["ServiceId"] is { Length: > 0 } service ? service : "approvalbot";
                });
                client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
                client.AddClusterConnectionStatusObserver(_gateways);
                // The slash command's trace continues into the grain call and the grain's Slack calls.
                client.AddActivityPropagation();
            })
            .Build();
    }

    /// <summary>Follows the client's live gateways, so readiness turns red when the last silo goes away.</summary>
    private sealed class GatewayCounter : IClusterConnectionStatusObserver
    {
        private volatile int _count = 1;

        public int Count => _count;

        public void NotifyGatewayCountChanged(
            int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
            _count = currentNumberOfGateways;

        public void NotifyClusterConnectionLost() => _count = 0;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Connected to the Orleans cluster after {Attempts} failed attempts")]
    private static partial void LogInformationConnected(ILogger logger, int attempts);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "No silo reachable yet (attempt {Attempt}): {Reason}; replies say requests cannot be confirmed")]
    private static partial void LogWarningNotConnected(ILogger logger, int attempt, string reason);
}
