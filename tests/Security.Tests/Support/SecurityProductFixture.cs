using ApprovalBot.TestSupport.Product;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Security.Tests.Support;

/// <summary>
/// The whole product on one fake clock, serving one workspace (<c>Slack:TeamId</c> set), with the Api's and
/// the silos' logs recorded, and two pending requests for forged clicks to aim at: Alice's (the anchor) and
/// Carol's (Carol is an approver, so her own request tests the self-approval rule).
/// </summary>
public sealed class SecurityProductFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public LogCapture ApiLogs { get; } = new();

    public LogCapture SiloLogs { get; } = new();

    public ProductHarness Product { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public PendingRequest Anchor { get; private set; } = null!;

    public PendingRequest Other { get; private set; } = null!;

    /// <summary>
    /// A <c>response_url</c> on the sandbox that it never issued: a post there is recorded (and refused with
    /// 404), so a forged click's ephemeral reply can be seen without a message appearing anywhere.
    /// </summary>
    public string ProbeResponseUrl => new Uri(Product.Sandbox.BaseUrl, "response/probe").ToString();

    public async Task InitializeAsync()
    {
        Product = await ProductHarness.CreateAsync(
            "security",
            Time,
            settings: s =>
            {
                s["Slack:TeamId"] = SlackBodies.Team;
                s["Approval:Timeout"] = "1.00:00:00";
                s["Approval:MaxPendingPerRequester"] = "50";
            },
            configureApi: builder => ApiLogs.AddTo(builder.Logging, LogLevel.Trace));
        Product.Context.ConfigureSilo = silo =>
            silo.Services.AddLogging(logging => SiloLogs.AddTo(logging, LogLevel.Information));
        await Product.StartAsync();
        Api = new ApiClient(Product.ApiBaseUrl, Time);
        Anchor = await PendingRequest.CreateAsync(
            Product, SandboxUsers.Alice, "anchor@example.com kept pending for forged clicks");
        Other = await PendingRequest.CreateAsync(Product, SandboxUsers.Carol, "other@example.com");
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Product is not null)
        {
            await Product.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityProduct : ICollectionFixture<SecurityProductFixture>
{
    public const string Name = "product under attack";
}
