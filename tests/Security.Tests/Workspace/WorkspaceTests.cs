using System.Text.Json;
using ApprovalBot.Grains;
using ApprovalBot.Security.Tests.Support;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Security.Tests.Workspace;

/// <summary>
/// With <c>Slack:TeamId</c> set, requests from any other workspace or organisation are refused, even when
/// correctly signed (an app installed in several workspaces shares one signing secret): a command is told so,
/// a click is ignored.
/// </summary>
[Collection(SecurityProduct.Name)]
public sealed class WorkspaceTests(SecurityProductFixture fixture)
{
    [Theory]
    [InlineData("team_id", SlackBodies.OtherTeam)]
    [InlineData("enterprise_id", "E0ELSEWHERE")]
    public async Task Command_FromAnotherWorkspace_ToldItServesAnotherAndNothingCreated(
        string field, string id)
    {
        var fields = SlackBodies
            .CommandFields(SandboxUsers.Alice, "elsewhere@example.com", fixture.ProbeResponseUrl)
            .Select(f => f.Key == "team_id" ? KeyValuePair.Create(field, id) : f);
        var watch = await StateWatch.StartAsync(fixture);

        var reply = await fixture.Api.SignedAsync(ApiClient.CommandsPath, SlackBodies.Form(fields));

        Assert.Equal(200, reply.Status);
        using var json = JsonDocument.Parse(reply.Body);
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("This ApprovalBot serves another Slack workspace.",
            json.RootElement.GetProperty("text").GetString());
        await watch.AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Click_ByApproverFromAnotherWorkspace_IgnoredUntoldAndRequestStaysPending()
    {
        var click = SlackBodies.Click(
            SandboxUsers.Bob, fixture.Anchor.ButtonValue, fixture.ProbeResponseUrl,
            team: SlackBodies.OtherTeam);
        var watch = await StateWatch.StartAsync(fixture);

        var reply = await fixture.Api.SignedAsync(ApiClient.InteractionsPath, SlackBodies.Interaction(click));

        Assert.Equal(200, reply.Status);
        Assert.Equal("", reply.Body);
        await watch.AssertNothingChangedAsync();
        var snapshot = await fixture.Product.SnapshotAsync(fixture.Anchor.Id);
        Assert.Equal(ApprovalStatus.Pending, snapshot!.Status);
        Assert.Empty(snapshot.Approvals);
    }
}
