using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Product;
using Microsoft.AspNetCore.Builder;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// The product (sandbox, one silo, Api) on a database the test names, for a <see cref="PrivatePostgres"/> the
/// test may stop: <see cref="ProductHarness"/> always uses the shared server, which no test may stop.
/// </summary>
public sealed class PrivateProduct : IAsyncDisposable
{
    private PrivateProduct(SlackSandboxServer sandbox, ApprovalTestContext context)
    {
        Sandbox = sandbox;
        Context = context;
    }

    public SlackSandboxServer Sandbox { get; }

    public ApprovalTestContext Context { get; }

    public ApprovalTestCluster Cluster { get; private set; } = null!;

    public WebApplication Api { get; private set; } = null!;

    public static async Task<PrivateProduct> StartAsync(
        string runtimeConnectionString, IReadOnlyDictionary<string, string?> siloSettings,
        IReadOnlyDictionary<string, string?> apiSettings)
    {
        var options = new SandboxOptions
        {
            SigningSecret = ProductHarness.SigningSecret,
            BotToken = ProductHarness.BotToken,
            EnforceRateLimits = false,
        };
        var sandbox = await SlackSandboxServer.StartAsync(options);
        var context = new ApprovalTestContext(runtimeConnectionString) { UseRealSlackClient = true };
        context.Settings.Remove("Approval:Approvers:2");
        context.Settings["Approval:Approvers:0"] = SandboxUsers.Bob;
        context.Settings["Approval:Approvers:1"] = SandboxUsers.Carol;
        context.Settings["Slack:BotToken"] = ProductHarness.BotToken;
        context.Settings["Slack:SigningSecret"] = ProductHarness.SigningSecret;
        context.Settings["Slack:ApiBaseUrl"] = sandbox.ApiBaseUrl.ToString();
        context.Settings["Slack:ResponseUrlHosts:0"] = sandbox.ResponseUrlHost;
        context.Settings["Slack:ApprovalChannelId"] = options.ApprovalChannelId;
        foreach (var (key, value) in siloSettings)
        {
            context.Settings[key] = value;
        }

        var product = new PrivateProduct(sandbox, context);
        product.Cluster = await ApprovalTestCluster.StartAsync(context);
        await product.StartApiAsync(apiSettings);
        return product;
    }

    private async Task StartApiAsync(IReadOnlyDictionary<string, string?> apiSettings)
    {
        (Api, var baseUrl) = await TestApi.StartAsync(Context, apiSettings);
        Sandbox.SetAppBaseUrl(baseUrl);
        using var http = new HttpClient { BaseAddress = baseUrl };
        await Eventually.HoldsAsync(
            async () => (await http.GetAsync(new Uri("health/ready", UriKind.Relative))).IsSuccessStatusCode,
            "the Api to connect to the cluster and report ready", TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.StopAsync();
            await Api.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
        await Context.DisposeAsync();
    }
}
