using System.Buffers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApprovalBot.Security.Tests.Support;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Security.Tests.Hostile;

/// <summary>
/// Hostile but well-formed reasons are accepted and neutralised: stored exactly as given (or trimmed to the
/// 1,000-character cap), shown in the approval message only as text (no mention, ping or link of the user's
/// making reaches the blocks Slack receives), and never written into a log line.
/// </summary>
[Collection(SecurityProduct.Name)]
public sealed partial class HostileTextTests(SecurityProductFixture fixture)
{
    private static readonly SearchValues<char> Bidi = SearchValues.Create(
        "\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    public static TheoryData<string> Kinds => [.. HostileReason.All.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Reason_Hostile_StoredAsGivenShownAsTextAndKeptOutOfLogs(string kind)
    {
        var reason = HostileReason.All[kind];
        var email = $"hostile-{HostileReason.All.Keys.ToList().IndexOf(kind)}@example.com";
        var watch = await StateWatch.StartAsync(fixture);

        var (status, reply, id) = await fixture.Product.Sandbox.CommandAsync(
            SandboxUsers.Alice, $"{email} {reason.Typed}");

        Assert.True(status == 200 && id is not null, $"Expected the request created, got {status}: {reply}");
        var message = await fixture.Product.Sandbox.WaitForApprovalMessageAsync(id);
        await PendingRequest.SettledAsync(fixture.Product, id);
        Assert.Equal(reason.Stored, (await fixture.Product.SnapshotAsync(id))!.Reason);
        foreach (var text in ShownTexts(message))
        {
            AssertOnlyText(text);
        }

        watch.AssertLogsClean();
        Assert.DoesNotContain(watch.Logs, e => e.FullText.Contains("FORGED", StringComparison.Ordinal)
            || e.FullText.Contains("DROP TABLE", StringComparison.Ordinal));
    }

    /// <summary>
    /// The only Slack tokens allowed are the ones the bot makes itself: the requester's mention and date
    /// tokens. No control character but a line break, and a bidirectional mark only inside a quoted line of
    /// user text.
    /// </summary>
    private static void AssertOnlyText(string text)
    {
        var tokens = Token().Matches(text).Select(m => m.Value).Where(
            t => t != $"<@{SandboxUsers.Alice}>" && !t.StartsWith("<!date^", StringComparison.Ordinal));
        Assert.Empty(tokens);
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        var lines = text.Split('\n').Where(line => line.AsSpan().IndexOfAny(Bidi) >= 0);
        Assert.All(lines, line => Assert.StartsWith(">", line, StringComparison.Ordinal));
    }

    /// <summary>
    /// The fallback text and every text in the blocks, exactly as the bot sent them to Slack.
    /// </summary>
    private static IEnumerable<string> ShownTexts(SandboxMessage message) =>
        [message.Text, .. Texts(JsonNode.Parse(message.BlocksJson!))];

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [v.GetValue<string>()]
            : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Token();
}
