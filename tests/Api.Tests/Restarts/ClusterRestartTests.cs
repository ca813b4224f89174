using ApprovalBot.Api.Commands;
using ApprovalBot.Api.Tests.Support;
using ApprovalBot.Grains;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Restarts;

/// <summary>A product of its own, since its test takes the whole cluster down.</summary>
public sealed class RestartProductFixture : ProductFixture
{
    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync("restart");
}

/// <summary>
/// A request outlives its silos: PostgreSQL holds it, and the Api finds the new silos by itself.
/// </summary>
public sealed class ClusterRestartTests(RestartProductFixture fixture) : IClassFixture<RestartProductFixture>
{
    [Fact]
    public async Task Click_AfterWholeClusterRestarted_ResolvesRequestAndRewritesTheSameMessage()
    {
        var product = fixture.Product;
        var (_, _, id) = await product.Sandbox.CommandAsync(
            SandboxUsers.Alice, "restart@example.com across a deploy");
        var message = await product.Sandbox.WaitForApprovalMessageAsync(id!);
        await product.StopClusterAsync();
        await product.StartClusterAsync();
        await WaitUntilApiAnswersAsync(id!);

        var click = await product.Sandbox.ClickAsync(
            SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");

        Assert.Equal(200, click.StatusCode);
        var final = await product.Sandbox.WaitForFinalMessageAsync(id!, "approved");
        Assert.Equal(message.Ts, final.Ts);
        Assert.Contains("<@U0BOB>", SandboxFlow.AllText(final), StringComparison.Ordinal);
        Assert.Single(SandboxFlow.ApprovalMessages(product.Sandbox.Workspace, id!));
        Assert.Empty(SandboxFlow.EphemeralsTo(
            product.Sandbox.Workspace, SandboxUsers.Bob, "could not be confirmed"));
        var snapshot = await product.SnapshotAsync(id!);
        Assert.Equal(ApprovalStatus.Approved, snapshot!.Status);
        Assert.Equal("restart@example.com", snapshot.Email);
    }

    /// <summary>
    /// The Api's client stays "connected" while it looks for the new gateways, so readiness cannot tell when
    /// it has found them; a read-only <c>/approve status</c> can, as it stops saying "could not be
    /// confirmed".
    /// </summary>
    private async Task WaitUntilApiAnswersAsync(string id)
    {
        var last = "";
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                last = (await fixture.Product.Sandbox.CommandAsync(SandboxUsers.Alice, "status " + id)).Text;
                return !last.Contains(CommandReplies.NotConfirmed, StringComparison.Ordinal);
            }, "the Api to reach the restarted cluster", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Last status reply: {last}", e);
        }

        Assert.Contains(": pending", last, StringComparison.Ordinal);
    }
}
