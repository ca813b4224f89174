using ApprovalBot.Grains;
using ApprovalBot.Slack.WebApi;
using ApprovalBot.TestSupport.Cluster;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// Submits requests straight to grains, as the Api would, and reads their tokens off the posted buttons.
/// </summary>
public static class GrainDriver
{
    public const string ResponseUrl = "https://hooks.slack.com/commands/T0TESTTEAM/1/secret";

    public static string NewCorrelationId() => "corr-" + Guid.NewGuid().ToString("N");

    public static ApprovalSubmission Submission(string requester, TimeSpan? timeout = null) =>
        new(TestIds.Team, requester, requester.ToLowerInvariant(), $"user-{Guid.NewGuid():N}@example.com",
            "deploy", ResponseUrl, timeout);

    /// <summary>Submits and waits for the approval message; returns its callback token.</summary>
    public static async Task<string> SubmitPostedAsync(
        IGrainFactory grains, RecordingSlack slack, string correlationId, ApprovalSubmission submission)
    {
        var result = await grains.GetGrain<IApprovalGrain>(correlationId).SubmitAsync(submission);
        Assert.Equal(SubmitOutcome.Created, result.Outcome);
        string? token = null;
        await slack.WaitForAsync(s => (token = TokenOf(s, correlationId)) is not null,
            $"the approval message of {correlationId} with buttons");
        return token!;
    }

    /// <summary>
    /// The callback token on the first posted message about <paramref name="correlationId"/>.
    /// </summary>
    public static string? TokenOf(RecordingSlack slack, string correlationId) =>
        slack.Succeeded("chat.postMessage")
            .Select(c => c.Request is PostMessageRequest post ? Json(post) : "")
            .Where(json => json.Contains(correlationId, StringComparison.Ordinal))
            .Select(ButtonTokens.Of)
            .FirstOrDefault(token => token is not null);

    private static string Json(PostMessageRequest post) =>
        System.Text.Json.JsonSerializer.Serialize(post.Message, Slack.SlackJson.Options);
}
