using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Support;

/// <summary>
/// One running product (database, silos, Api, sandbox) shared by the tests of a class or collection;
/// subclasses say how the harness differs from the default.
/// </summary>
public abstract class ProductFixture : IAsyncLifetime
{
    public ProductHarness Product { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Product = await CreateAsync();
        await StartAsync(Product);
    }

    public async Task DisposeAsync()
    {
        if (Product is not null)
        {
            await Product.DisposeAsync();
        }
    }

    protected abstract Task<ProductHarness> CreateAsync();

    /// <summary>Starts one silo and the Api, connected; override to start them otherwise.</summary>
    protected virtual Task StartAsync(ProductHarness product) => product.StartAsync();
}
