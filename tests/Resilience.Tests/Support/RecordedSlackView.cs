using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalBot.Slack;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.WebApi;
using ApprovalBot.TestSupport.Cluster;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>Reads the calls Slack accepted from the <see cref="RecordingSlack"/> fake.</summary>
public sealed partial class RecordedSlackView(RecordingSlack slack, string channel = TestIds.ApprovalChannel)
    : ISlackView
{
    private readonly ConditionalWeakTable<SlackCall, string> _json = [];

    public IReadOnlySet<string> CorrelationIds() =>
        Posts().SelectMany(p => CorrelationId().Matches(Json(p)).Select(m => m.Value)).ToHashSet();

    public SlackRecord For(string correlationId, string requesterUserId)
    {
        var posts = Posts().Where(p => Json(p).Contains(correlationId, StringComparison.Ordinal)).ToList();
        var versions = new List<MessageVersion>();
        if (posts.Count > 0)
        {
            var ts = posts[0].Ts;
            versions.AddRange(
                slack.Calls.Where(c => c.Succeeded && (c == posts[0] || IsEditOf(c, ts)))
                    .Select(c => new MessageVersion(c.Text, HasButtons(c))));
        }

        var notices = slack.Calls.Count(c => c.Succeeded
            && Json(c).Contains(correlationId, StringComparison.Ordinal)
            && (c.Method == "response_url"
                || (c.Method == "chat.postMessage" && c.Channel == requesterUserId)));
        return new SlackRecord(posts.Count, versions, notices);
    }

    private IEnumerable<SlackCall> Posts() =>
        slack.Succeeded("chat.postMessage")
            .Where(c => c.Channel == channel && c.Request is PostMessageRequest { ThreadTs: null });

    private bool IsEditOf(SlackCall call, string? ts) =>
        call.Method == "chat.update" && call.Channel == channel && call.Ts == ts;

    private static bool HasButtons(SlackCall call) =>
        Message(call)?.Blocks.OfType<ActionsBlock>().Any() == true;

    private static SlackMessage? Message(SlackCall call) => call.Request switch
    {
        PostMessageRequest post => post.Message,
        UpdateMessageRequest update => update.Message,
        ResponseUrlMessage response => response.Message,
        _ => null,
    };

    /// <summary>
    /// The message a call carried, as JSON; cached, as the property tests read thousands of calls.
    /// </summary>
    private string Json(SlackCall call) => _json.GetValue(call,
        c => Message(c) is { } message ? JsonSerializer.Serialize(message, SlackJson.Options) : "");

    [GeneratedRegex("corr-[0-9a-f]{32}")]
    private static partial Regex CorrelationId();
}
