using ApprovalBot.TestSupport.Cluster;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalBot.Slack;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.Grains.Tests.Support;

/// <summary>Submits requests and clicks their buttons the way the Api would.</summary>
public static partial class ApprovalDriver
{
    public const string ResponseUrl = "https://hooks.slack.com/commands/T0TESTTEAM/1/secret";

    public static string NewCorrelationId() => "corr-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// A submission; each gets its own address unless one is given, so tests never look like repeats.
    /// </summary>
    public static ApprovalSubmission Submission(
        string? email = null, string? reason = "deploy v1.2", TimeSpan? timeout = null,
        string requester = TestIds.Requester) =>
        new(TestIds.Team, requester, "requester", email ?? $"user-{Guid.NewGuid():N}@example.com", reason,
            ResponseUrl, timeout);

    /// <summary>Submits and waits until the approval message is in the channel; returns the callback token.</summary>
    public static async Task<string> SubmitAndAwaitPostAsync(
        IGrainFactory grains, ApprovalTestContext context, string correlationId, ApprovalSubmission? submission = null)
    {
        var result = await grains.GetGrain<IApprovalGrain>(correlationId).SubmitAsync(submission ?? Submission());
        Assert.Equal(SubmitOutcome.Created, result.Outcome);
        await context.Slack.WaitForAsync(
            s => s.Succeeded("chat.postMessage").Any(c => ButtonToken(c, correlationId) is not null),
            $"the approval message of {correlationId} to be posted");
        return context.Slack.Succeeded("chat.postMessage")
            .Select(c => ButtonToken(c, correlationId))
            .First(t => t is not null)!;
    }

    /// <summary>Waits until the request has stored where its approval message is (the post's <c>ts</c>).</summary>
    public static Task WaitForStoredTsAsync(IGrainFactory grains, string correlationId) =>
        Eventually.HoldsAsync(
            async () => (await grains.GetGrain<IApprovalGrain>(correlationId).GetSnapshotAsync())?.MessageTs
                is not null,
            "the message ts to be stored");

    public static DecisionRequest Approve(string clicker, string token, string channel = TestIds.ApprovalChannel) =>
        new(clicker, channel, token, DecisionKind.Approve);

    /// <summary>The callback token on the buttons of a posted message for <paramref name="correlationId"/>.</summary>
    public static string? ButtonToken(SlackCall call, string correlationId)
    {
        var message = call.Request switch
        {
            PostMessageRequest post => post.Message,
            UpdateMessageRequest update => update.Message,
            _ => null,
        };
        if (message is null)
        {
            return null;
        }

        var json = JsonSerializer.Serialize<IReadOnlyList<Block>>(message.Blocks, SlackJson.Options);
        var match = ButtonValuePattern().Matches(json).FirstOrDefault(m => m.Groups["corr"].Value == correlationId);
        return match is null ? null : ButtonValue.TryParse(match.Groups["value"].Value, out _, out var token)
            ? token
            : null;
    }

    /// <summary>
    /// Every message Slack was sent about <paramref name="correlationId"/> by <paramref name="method"/>.
    /// </summary>
    public static IReadOnlyList<SlackCall> About(RecordingSlack slack, string method, string correlationId) =>
        [.. slack.Succeeded(method).Where(c => Mentions(c, correlationId))];

    private static bool Mentions(SlackCall call, string correlationId)
    {
        var message = call.Request switch
        {
            PostMessageRequest post => post.Message,
            UpdateMessageRequest update => update.Message,
            ResponseUrlMessage response => response.Message,
            _ => null,
        };
        return message is not null && (message.Text.Contains(correlationId, StringComparison.Ordinal)
            || JsonSerializer.Serialize<IReadOnlyList<Block>>(message.Blocks, SlackJson.Options)
                .Contains(correlationId, StringComparison.Ordinal));
    }

    [GeneratedRegex("\"value\":\"(?<value>(?<corr>corr-[0-9a-f]{32})\\|[^\"]+)\"")]
    private static partial Regex ButtonValuePattern();
}
