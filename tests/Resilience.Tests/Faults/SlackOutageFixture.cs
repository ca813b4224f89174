using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.TestSupport.Product;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Resilience.Tests.Faults;

/// <summary>
/// One product on a fake clock (shared by the sandbox's signatures, the grains and their reminders), so Slack
/// retries, which wait on that clock, happen when the test moves it.
/// </summary>
public sealed class SlackOutageFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public ProductHarness Product { get; private set; } = null!;

    /// <summary>What PostgreSQL stores for this product.</summary>
    public StoredRequests Stored => new(Product.Database.RuntimeConnectionString, Product.Context.ServiceId,
        Product.Cluster!.Cluster.Client.ServiceProvider);

    public async Task InitializeAsync()
    {
        // A day to decide, so only the requests the test gives a short timeout expire while the clock moves.
        Product = await ProductHarness.CreateAsync(
            "slack-outage", Time, s => s["Approval:Timeout"] = "1.00:00:00");
        await Product.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Product is not null)
        {
            await Product.DisposeAsync();
        }
    }
}
