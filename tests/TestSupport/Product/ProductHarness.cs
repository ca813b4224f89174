using ApprovalBot.Grains;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.TestSupport.Product;

/// <summary>
/// The whole product on loopback, as tests see it: a migrated PostgreSQL database, real silos with ADO.NET
/// membership, the Api on Kestrel connected to them as an Orleans client, and the Slack sandbox playing Slack on
/// both sides. With a fake clock, the sandbox signs, the Api verifies and the grains time out on the same clock.
/// </summary>
public sealed class ProductHarness : IAsyncDisposable
{
    public const string SigningSecret = "harness-signing-secret-0123456789abcdef";
    public const string BotToken = "xoxb-harness-bot-token";

    private readonly Action<WebApplicationBuilder>? _configureApi;

    private ProductHarness(
        TestDatabase database,
        ApprovalTestContext context,
        SlackSandboxServer sandbox,
        Action<WebApplicationBuilder>? configureApi)
    {
        Database = database;
        Context = context;
        Sandbox = sandbox;
        _configureApi = configureApi;
    }

    public TestDatabase Database { get; }

    public ApprovalTestContext Context { get; }

    public SlackSandboxServer Sandbox { get; }

    public ApprovalTestCluster? Cluster { get; private set; }

    public WebApplication? Api { get; private set; }

    public Uri ApiBaseUrl { get; private set; } = null!;

    public FakeTimeProvider? Time => Context.Time;

    /// <summary>Extra Api settings (for example a small <c>Api:GrainCallBudget</c>).</summary>
    public Dictionary<string, string?> ApiSettings { get; } = [];

    /// <summary>
    /// A harness whose silos get <paramref name="settings"/> on top of the defaults (Bob and Carol listed as
    /// approvers) and whose sandbox takes <paramref name="sandbox"/>'s changes (for example more users).
    /// <paramref name="configureApi"/> sees the Api's builder last, before it is built (for example to add a
    /// logging provider that records what the Api logs).
    /// </summary>
    public static async Task<ProductHarness> CreateAsync(
        string name,
        FakeTimeProvider? time = null,
        Action<Dictionary<string, string?>>? settings = null,
        Action<SandboxOptions>? sandbox = null,
        Action<WebApplicationBuilder>? configureApi = null)
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync(name);
        await database.MigrateAsync();
        var sandboxOptions = new SandboxOptions
        {
            SigningSecret = SigningSecret,
            BotToken = BotToken,
            EnforceRateLimits = false,
        };
        sandbox?.Invoke(sandboxOptions);
        var server = await SlackSandboxServer.StartAsync(sandboxOptions, time);
        var context = new ApprovalTestContext(database.RuntimeConnectionString, time) { UseRealSlackClient = true };
        context.Settings.Remove("Approval:Approvers:2");
        context.Settings["Approval:Approvers:0"] = SandboxUsers.Bob;
        context.Settings["Approval:Approvers:1"] = SandboxUsers.Carol;
        context.Settings["Slack:BotToken"] = BotToken;
        context.Settings["Slack:SigningSecret"] = SigningSecret;
        context.Settings["Slack:ApiBaseUrl"] = server.ApiBaseUrl.ToString();
        context.Settings["Slack:ResponseUrlHosts:0"] = server.ResponseUrlHost;
        context.Settings["Slack:ApprovalChannelId"] = sandboxOptions.ApprovalChannelId;
        settings?.Invoke(context.Settings);
        return new ProductHarness(database, context, server, configureApi);
    }

    /// <summary>Starts the silos and the Api and waits until the Api is connected to the cluster.</summary>
    public async Task StartAsync(short silos = 1)
    {
        await StartClusterAsync(silos);
        await StartApiAsync(waitForCluster: true);
    }

    public async Task StartClusterAsync(short silos = 1) =>
        Cluster = await ApprovalTestCluster.StartAsync(Context, silos);

    public async Task StopClusterAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
            Cluster = null;
        }
    }

    public async Task StartApiAsync(bool waitForCluster)
    {
        (Api, ApiBaseUrl) = await TestApi.StartAsync(Context, ApiSettings, Time, _configureApi);
        Sandbox.SetAppBaseUrl(ApiBaseUrl);
        if (waitForCluster)
        {
            await WaitForApiReadyAsync();
        }
    }

    /// <summary>The request as the grain stores it, read through the test cluster's own client.</summary>
    public Task<ApprovalSnapshot?> SnapshotAsync(string correlationId) =>
        (Cluster ?? throw new InvalidOperationException("The cluster is not running."))
            .Grains.GetGrain<IApprovalGrain>(correlationId).GetSnapshotAsync();

    public async Task WaitForApiReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = ApiBaseUrl };
        var last = "";
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                last = await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode;
            }, "the Api to connect to the cluster and report ready", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Last readiness report: {last}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.StopAsync();
            await Api.DisposeAsync();
        }

        await StopClusterAsync();
        await Sandbox.DisposeAsync();
        await Context.DisposeAsync();
        await Database.DisposeAsync();
    }
}
