using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Browser.Tests;

/// <summary>
/// The whole product for the sandbox page tests: a migrated database, a silo, the Api and the sandbox, all on
/// loopback. Tests share it and tell their requests apart by correlation id.
/// </summary>
public sealed class SandboxProductFixture : IAsyncLifetime
{
    public ProductHarness Product { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Product = await ProductHarness.CreateAsync("browser");
        await Product.StartAsync();
    }

    public async Task DisposeAsync() => await Product.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SandboxProduct : ICollectionFixture<SandboxProductFixture>
{
    public const string Name = "Sandbox product in a browser";
}
