using ApprovalBot.SlackSandbox;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// One running product: the Slack sandbox in this process (rate limits as the options say), a silo child and
/// an Api child on loopback, all on the run's database under a service id of their own.
/// </summary>
public sealed class RunningProduct : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);

    private readonly BenchContext _context;

    private RunningProduct(
        BenchContext context, StackOptions options, StackAddresses addresses, SlackSandboxServer sandbox)
    {
        _context = context;
        Options = options;
        Addresses = addresses;
        Sandbox = sandbox;
    }

    public StackOptions Options { get; }

    public StackAddresses Addresses { get; }

    public SlackSandboxServer Sandbox { get; }

    public ChildProcess? Silo { get; private set; }

    public ChildProcess? Api { get; private set; }

    public static async Task<RunningProduct> StartAsync(
        BenchContext context, StackOptions options, CancellationToken cancellationToken)
    {
        var sandbox = await SlackSandboxServer.StartAsync(
            BenchUsers.SandboxOptions(options), cancellationToken: cancellationToken);
        var addresses = StackAddresses.Allocate($"bench-{context.RunId}-{options.Name}");
        var stack = new RunningProduct(context, options, addresses, sandbox);
        try
        {
            await stack.StartSiloAsync(cancellationToken);
            var environment = StackEnvironment.Api(
                context, addresses, sandbox.ApiBaseUrl.ToString(), sandbox.ResponseUrlHost);
            stack.Api = ChildProcess.Start("api", ApiRole.Name, environment,
                context.LogPath(options.Name, "api"), StackEnvironment.LoggingArguments);
            await HttpProbe.UntilOkAsync(
                new Uri(addresses.ApiRoot, "health/ready"), stack.Api, StartLimit, cancellationToken);
            sandbox.SetAppBaseUrl(addresses.ApiRoot);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the silo child; returns the time from launch until it reported ready.</summary>
    public async Task<TimeSpan> StartSiloAsync(CancellationToken cancellationToken)
    {
        var environment = StackEnvironment.Silo(
            _context, Options, Addresses, Sandbox.ApiBaseUrl.ToString(), Sandbox.ResponseUrlHost);
        Silo = ChildProcess.Start("silo", SiloRole.Name, environment, _context.LogPath(Options.Name, "silo"),
            StackEnvironment.LoggingArguments);
        return await HttpProbe.UntilOkAsync(
            new Uri(Addresses.SiloRoot, "health/ready"), Silo, StartLimit, cancellationToken);
    }

    /// <summary>Stops the silo gracefully; returns how long its shutdown took.</summary>
    public async Task<TimeSpan> StopSiloAsync() =>
        Silo is null ? TimeSpan.Zero : await Silo.StopAsync(StopGrace);

    public Task<SiloStats> SiloStatsAsync(bool collectFirst, CancellationToken cancellationToken)
    {
        var path = BenchEndpoints.StatsPath.TrimStart('/') + (collectFirst ? "?gc=true" : "");
        return HttpProbe.GetJsonAsync<SiloStats>(new Uri(Addresses.SiloRoot, path), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.StopAsync(StopGrace);
        }

        await StopSiloAsync();
        await Sandbox.DisposeAsync();
    }
}
