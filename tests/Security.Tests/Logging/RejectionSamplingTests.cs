using ApprovalBot.Security.Tests.Support;
using static ApprovalBot.Security.Tests.Support.ApiClient;

namespace ApprovalBot.Security.Tests.Logging;

/// <summary>
/// Rejected requests are logged sampled, so a flood of forgeries cannot flood the log: one line per rejection
/// reason per 10-second window (on the Api's clock), the next one saying how many were held back.
/// </summary>
[Collection(SecurityProduct.Name)]
public sealed class RejectionSamplingTests(SecurityProductFixture fixture)
{
    private const int RejectedEventId = 2001;
    private const int Flood = 200;

    /// <summary>Longer than the sampler's 10-second window, so each step starts a fresh one.</summary>
    private static readonly TimeSpan PastWindow = TimeSpan.FromSeconds(11);

    [Fact]
    public async Task Rejections_TwoHundredForgedRequests_OneLineThenTheNextCountsTheRest()
    {
        fixture.Time.Advance(PastWindow);
        var mark = fixture.ApiLogs.Mark;

        var statuses = new List<int>();
        for (var i = 0; i < Flood; i++)
        {
            statuses.Add((await ForgedAsync(i)).Status);
        }

        Assert.All(statuses, status => Assert.Equal(401, status));
        var flood = Rejections(mark);
        Assert.True(flood.Count == 1, $"Expected one rejection line for {Flood} forgeries, " +
            $"saw {flood.Count}: {string.Join(" / ", flood)}");
        Assert.Contains("bad signature", flood[0], StringComparison.Ordinal);

        fixture.Time.Advance(PastWindow);
        var later = fixture.ApiLogs.Mark;
        Assert.Equal(401, (await ForgedAsync(Flood)).Status);

        var next = Assert.Single(Rejections(later));
        Assert.Contains($"({Flood - 1} similar rejections not logged", next, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each a different command, all with the same wrong signature scheme (another secret).
    /// </summary>
    private Task<ApiReply> ForgedAsync(int i)
    {
        var body = SlackBodies.Command("U0FLOOD", $"flood-{i}@example.com", fixture.ProbeResponseUrl);
        var timestamp = Text(fixture.Api.Now);
        return fixture.Api.PostAsync(CommandsPath, body, FormType, timestamp,
            Sign(body, timestamp, "a-guessed-signing-secret"));
    }

    private List<string> Rejections(int mark) =>
        [.. fixture.ApiLogs.Since(mark).Where(e => e.EventId == RejectedEventId).Select(e => e.Message)];
}
