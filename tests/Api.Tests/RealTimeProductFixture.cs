using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests;

/// <summary>The whole product on real time, shared by the tests of a collection.</summary>
public sealed class RealTimeProductFixture : IAsyncLifetime
{
    public ProductHarness Product { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Product = await ProductHarness.CreateAsync("e2e");
        await Product.StartAsync();
    }

    public async Task DisposeAsync() => await Product.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RealTimeProduct : ICollectionFixture<RealTimeProductFixture>
{
    public const string Name = "product on real time";
}
