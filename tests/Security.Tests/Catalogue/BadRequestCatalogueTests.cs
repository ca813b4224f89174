using System.Text.Json;
using ApprovalBot.Security.Tests.Support;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Every kind of bad request in the catalogue, each its own test case: the status code and reply the design
/// gives it, no 5xx, no grain state or reminder written, no message in the approval channel, no Slack call
/// beyond the ephemeral reply a refused clicker is owed, and no unhandled failure or broken line in the logs.
/// </summary>
[Collection(SecurityProduct.Name)]
public sealed class BadRequestCatalogueTests(SecurityProductFixture fixture)
{
    private static readonly Dictionary<string, BadRequestCase> Cases =
        ForgeryCases.All
            .Concat(TransportCases.All)
            .Concat(MalformedCases.All)
            .Concat(IgnoredCases.All)
            .Concat(RefusedClickCases.All)
            .Concat(RefusedCommandCases.All)
            .ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Fact]
    public void Catalogue_AllKinds_AtLeastFortyWithDistinctNames() => Assert.True(Cases.Count >= 40,
        $"Expected at least forty kinds of bad request, found {Cases.Count}.");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task BadRequest_SentToTheApi_AnsweredAsDesignedAndNothingChanges(string kind)
    {
        var badRequest = Cases[kind];
        if (badRequest.ArrangeAsync is { } arrange)
        {
            await arrange(fixture);
        }

        var watch = await StateWatch.StartAsync(fixture);

        var reply = await badRequest.SendAsync(fixture);

        Assert.True(reply.Status == badRequest.Status,
            $"Expected {badRequest.Status}, got {reply.Status} with body: {reply.Body}");
        if (badRequest.Reply is null)
        {
            Assert.Equal("", reply.Body);
        }
        else
        {
            Assert.Contains(badRequest.Reply, ShownText(reply.Body), StringComparison.Ordinal);
        }

        await watch.AssertNothingChangedAsync(badRequest.Notice);
    }

    /// <summary>Every string in a JSON reply (the text of a command reply, the errors of a modal).</summary>
    private static string ShownText(string body)
    {
        using var json = JsonDocument.Parse(body);
        return string.Join('\n', Strings(json.RootElement));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
