using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalBot.Api.Commands;
using ApprovalBot.Api.Interactions;
using ApprovalBot.Api.Tests.Support;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.NoCluster;

/// <summary>The Api alone, with a short grain budget; no silo is started until the test says so.</summary>
public sealed class ApiFirstFixture : ProductFixture
{
    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync("no-cluster");

    protected override Task StartAsync(ProductHarness product)
    {
        product.ApiSettings["Api:GrainCallBudget"] = "00:00:00.500";
        return product.StartApiAsync(waitForCluster: false);
    }
}

/// <summary>
/// Without a cluster the Api still answers Slack at once, truthfully, and recovers when silos appear.
/// </summary>
public sealed class NoClusterTests(ApiFirstFixture fixture) : IClassFixture<ApiFirstFixture>
{
    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Api_StartedBeforeAnySilo_RepliesNotConfirmedThenServesOnceClusterStarts()
    {
        var orphan = await PostLeftoverApprovalMessageAsync();

        var command = await Sandbox.CommandAsync(SandboxUsers.Alice, "early@example.com before the silos");
        var click = await Sandbox.ClickAsync(
            SandboxUsers.Bob, SandboxFlow.ApprovalChannel, orphan, "approve");

        Assert.Equal(200, command.Status);
        Assert.Equal(CommandReplies.NotConfirmed, command.Text);
        Assert.Null(command.CorrelationId);
        Assert.Equal(200, click.StatusCode);
        await Sandbox.WaitForAsync(
            w => SandboxFlow.EphemeralsTo(w, SandboxUsers.Bob, "could not be confirmed").Count == 1,
            TimeSpan.FromSeconds(30), "Bob to be told his click could not be confirmed");
        Assert.Equal(ClickReplies.NotConfirmed,
            SandboxFlow.EphemeralsTo(Sandbox.Workspace, SandboxUsers.Bob, "could not be confirmed")[0].Text);

        await fixture.Product.StartClusterAsync();
        await fixture.Product.WaitForApiReadyAsync();
        var retry = await RetryUntilConfirmedAsync(SandboxUsers.Alice, "early@example.com before the silos");

        Assert.Equal(200, retry.Status);
        Assert.NotNull(retry.CorrelationId);
        await Sandbox.WaitForApprovalMessageAsync(retry.CorrelationId);
        var open = SandboxFlow.CorrelationIds(await Sandbox.ListAsync(SandboxUsers.Alice));
        Assert.Equal([retry.CorrelationId], open);
        Assert.Single(Sandbox.Workspace.Messages(SandboxFlow.ApprovalChannel),
            m => SandboxFlow.AllText(m).Contains("early@example.com", StringComparison.Ordinal));
    }

    /// <summary>
    /// Does what the "not confirmed" reply asks: runs the same command again. The first call into a cold
    /// silo may outlast the half-second budget, and then the Api rightly answers without the grain's word; a
    /// repeat must name the one request either way, never a second one.
    /// </summary>
    private async Task<(int Status, string Text, string? CorrelationId)> RetryUntilConfirmedAsync(
        string userId, string text)
    {
        (int Status, string Text, string? CorrelationId) reply = default;
        await Eventually.HoldsAsync(async () =>
        {
            reply = await Sandbox.CommandAsync(userId, text);
            return reply.Text != CommandReplies.NotConfirmed;
        }, "a repeated command to be confirmed once the cluster is up", TimeSpan.FromSeconds(30));
        return reply;
    }

    /// <summary>
    /// A click needs a message with buttons, and with no silo the bot can post none: this stands for one
    /// posted before the outage, sent through the sandbox's Web API with the bot's token as the bot would.
    /// </summary>
    private async Task<string> PostLeftoverApprovalMessageAsync()
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = "approve",
            ["value"] = "corr-" + Guid.NewGuid().ToString("N") + "|leftover-callback-token",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Approve" },
        };
        var body = new JsonObject
        {
            ["channel"] = SandboxFlow.ApprovalChannel,
            ["text"] = "Approval request posted before the outage",
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "leftover-actions",
                ["elements"] = new JsonArray(button),
            }),
        };
        using var http = new HttpClient();
        var postMessage = new Uri(Sandbox.ApiBaseUrl, "chat.postMessage");
        using var request = new HttpRequestMessage(HttpMethod.Post, postMessage)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ProductHarness.BotToken);
        using var response = await http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(answer["ok"]!.GetValue<bool>(), $"The sandbox refused the leftover message: {answer}");
        return answer["ts"]!.GetValue<string>();
    }
}
