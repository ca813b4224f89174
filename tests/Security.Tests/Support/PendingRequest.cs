using System.Text.Json.Nodes;
using ApprovalBot.Grains;
using ApprovalBot.Slack.Messages;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Security.Tests.Support;

/// <summary>
/// A request created honestly through the sandbox and left pending, with what its approval message shows: the
/// button value, which is the correlation id and the callback token.
/// </summary>
public sealed record PendingRequest(string Id, string MessageTs, string ButtonValue)
{
    public string Token => ButtonValue[(ButtonValue.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// Types <c>/approve {text}</c> as <paramref name="userId"/> and waits until it has settled.
    /// </summary>
    public static async Task<PendingRequest> CreateAsync(ProductHarness product, string userId, string text)
    {
        var (status, reply, id) = await product.Sandbox.CommandAsync(userId, text);
        Assert.True(status == 200 && id is not null, $"Expected a created request, got {status}: {reply}");
        var message = await product.Sandbox.WaitForApprovalMessageAsync(id);
        await SettledAsync(product, id);
        return new PendingRequest(id, message.Ts, ButtonValueOf(message));
    }

    /// <summary>
    /// Waits until the grain and the indexes have written all they will about the request, so no write of
    /// theirs lands later in another test's window: the grain has stored its message and owes Slack nothing
    /// (asked through a call that does not interleave, so a write in progress is finished first), and the
    /// approval channel's open-request index, which writes a moment later, holds the request exactly while it
    /// is open.
    /// </summary>
    public static async Task SettledAsync(ProductHarness product, string id, bool open = true)
    {
        var grain = product.Cluster!.Grains.GetGrain<IApprovalGrain>(id);
        await Eventually.HoldsAsync(
            async () => await grain.GetSnapshotForAsync(SandboxUsers.Bob)
                is { MessageTs: not null, PendingSlackCalls: 0 },
            $"request {id} to store its message and owe Slack nothing");
        var indexed = $"SELECT EXISTS (SELECT 1 FROM orleans_storage WHERE grain_type = 'openRequests' " +
            $"AND position(convert_to('{id}', 'UTF8') in payload_binary) > 0)";
        await Eventually.HoldsAsync(
            async () => await product.Database.ScalarAsync<bool>(indexed) == open,
            $"the stored open-request index to {(open ? "hold" : "no longer hold")} request {id}");
    }

    /// <summary>The value of the Approve button, exactly as Slack would send it back.</summary>
    public static string ButtonValueOf(SandboxMessage message) =>
        message.Blocks().OfType<JsonObject>()
            .SelectMany(block => block["elements"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(e => e["action_id"]?.GetValue<string>() == ApprovalMessages.ApproveActionId)
            .Select(e => e["value"]!.GetValue<string>())
            .Single();
}
