using System.Text;
using System.Text.RegularExpressions;
using ApprovalBot.Security.Tests.Support;
using ApprovalBot.Slack.Verification;
using ApprovalBot.TestSupport.Product;
using static ApprovalBot.Security.Tests.Support.ApiClient;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Bad requests at the level of HTTP: oversized bodies (413), repeated signing headers and a replayed request
/// (401), the unsigned <c>ssl_check</c> that must carry nothing in with it (an empty 200), a wrong method.
/// </summary>
public static partial class TransportCases
{
    private const int OverLimit = SlackVerificationLimits.MaxBodyBytes + 1;

    public static IEnumerable<BadRequestCase> All =>
    [
        new("body over 256 KiB", f => f.Api.SignedAsync(InteractionsPath, Oversized()), 413),
        new("body over 256 KiB sent chunked", f =>
        {
            var body = Oversized();
            var timestamp = Text(f.Api.Now);
            return f.Api.PostChunkedAsync(InteractionsPath, Encoding.UTF8.GetBytes(body), timestamp,
                Sign(body, timestamp));
        }, 413),
        new("signature header on two lines", f => TwiceAsync(f, SlackHeaders.Signature), 401),
        new("timestamp header on two lines", f => TwiceAsync(f, SlackHeaders.RequestTimestamp), 401),
        new("ssl_check carrying a command",
            f => UnsignedAsync(f, CommandsPath, "ssl_check=1&" + Attack.CreatingCommand(f)), 200),
        new("ssl_check carrying an approving payload",
            f => UnsignedAsync(f, InteractionsPath, "ssl_check=1&" + Attack.ApprovingClick(f)), 200),
        new("ssl_check after an approving payload",
            f => UnsignedAsync(f, InteractionsPath, Attack.ApprovingClick(f) + "&ssl_check=1"), 200),
        new("ssl_check on a correctly signed command", f =>
            f.Api.SignedAsync(CommandsPath, "ssl_check=1&" + Attack.CreatingCommand(f)), 200),
        new("GET on the command endpoint", f => f.Api.GetAsync(CommandsPath), 405),
        Replay(),
    ];

    private static Task<ApiReply> UnsignedAsync(SecurityProductFixture f, string path, string body) =>
        f.Api.PostAsync(path, body, FormType, null, null);

    private static string Oversized() => "payload=" + new string('a', OverLimit - "payload=".Length);

    /// <summary>
    /// A correctly signed approving click whose header <paramref name="name"/> is sent twice.
    /// </summary>
    private static Task<ApiReply> TwiceAsync(SecurityProductFixture f, string name)
    {
        var body = Attack.ApprovingClick(f);
        var timestamp = Text(f.Api.Now);
        var signature = Sign(body, timestamp);
        var value = name == SlackHeaders.Signature ? signature : timestamp;
        return RawHttp.PostAsync(f.Api.BaseUrl, InteractionsPath, body,
        [
            (SlackHeaders.RequestTimestamp, timestamp),
            (SlackHeaders.Signature, signature),
            (name, value),
        ]);
    }

    /// <summary>
    /// A genuine command, captured as sent and accepted once, sent again byte for byte after 301 seconds.
    /// </summary>
    private static BadRequestCase Replay()
    {
        (string Body, string Timestamp, string Signature) sent = ("", "", "");
        return new BadRequestCase("replay of a valid command after 301 s",
            f => f.Api.PostAsync(CommandsPath, sent.Body, FormType, sent.Timestamp, sent.Signature), 401)
        {
            ArrangeAsync = async f =>
            {
                var body = SlackBodies.Command("U0REPLAY", "replayed@example.com once", f.ProbeResponseUrl);
                var timestamp = Text(f.Api.Now);
                sent = (body, timestamp, Sign(body, timestamp));
                var first = await f.Api.PostAsync(CommandsPath, body, FormType, timestamp, sent.Signature);
                var id = CorrelationId().Match(first.Body);
                Assert.True(first.Status == 200 && id.Success, $"Expected the original accepted: {first}");
                await f.Product.Sandbox.WaitForApprovalMessageAsync(id.Value);
                await PendingRequest.SettledAsync(f.Product, id.Value);
                f.Time.Advance(TimeSpan.FromSeconds(301));
            },
        };
    }

    [GeneratedRegex("corr-[0-9a-f]{32}")]
    private static partial Regex CorrelationId();
}
