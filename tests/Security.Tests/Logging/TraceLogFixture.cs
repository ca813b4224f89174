using ApprovalBot.Security.Tests.Support;
using ApprovalBot.TestSupport.Product;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Security.Tests.Logging;

/// <summary>
/// The product on real time with everything the Api and the silos log recorded, down to Trace.
/// </summary>
public sealed class TraceLogFixture : IAsyncLifetime
{
    public LogCapture ApiLogs { get; } = new();

    public LogCapture SiloLogs { get; } = new();

    public ProductHarness Product { get; private set; } = null!;

    /// <summary>Every entry either host wrote, the Api's first.</summary>
    public IReadOnlyList<CapturedLog> All => [.. ApiLogs.Entries, .. SiloLogs.Entries];

    public async Task InitializeAsync()
    {
        Product = await ProductHarness.CreateAsync(
            "tracelogs", configureApi: builder => ApiLogs.AddTo(builder.Logging, LogLevel.Trace));
        Product.Context.ConfigureSilo = silo =>
            silo.Services.AddLogging(logging => SiloLogs.AddTo(logging, LogLevel.Trace));
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
