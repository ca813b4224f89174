using ApprovalBot.Security.Tests.Support;
using static ApprovalBot.Security.Tests.Support.ApiClient;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Requests that fail verification (https://api.slack.com/authentication/verifying-requests-from-slack): 401
/// with an empty body, whatever they carry. Half carry a command that would create a request, half a click
/// that would approve the anchor request.
/// </summary>
public static class ForgeryCases
{
    private const string OtherSecret = "an-attacker-guessing-the-signing-secret";

    public static IEnumerable<BadRequestCase> All =>
    [
        Command("no signing headers", (_, _) => (null, null)),
        Click("no signing headers on a click", (_, _) => (null, null)),
        Command("timestamp without a signature", (_, now) => (Text(now), null)),
        Click("signature without a timestamp", (body, now) => (null, Sign(body, Text(now)))),
        Command("empty signature header", (_, now) => (Text(now), "")),
        Command("signed with another secret", (body, now) => (Text(now), Sign(body, Text(now), OtherSecret))),
        Click("click signed with another secret",
            (body, now) => (Text(now), Sign(body, Text(now), OtherSecret))),
        Click("signature of another body",
            (_, now) => (Text(now), Sign("command=%2Fapprove&text=help", Text(now)))),
        Command("signature with a timestamp other than the header's",
            (body, now) => (Text(now), Sign(body, Text(now - 1)))),
        Command("timestamp 301 s old", (body, now) => (Text(now - 301), Sign(body, Text(now - 301)))),
        Click("click timestamp 301 s old", (body, now) => (Text(now - 301), Sign(body, Text(now - 301)))),
        Command("timestamp 301 s ahead", (body, now) => (Text(now + 301), Sign(body, Text(now + 301)))),
        Click("timestamp in milliseconds", (body, now) => (Text(now * 1000), Sign(body, Text(now * 1000)))),
        Command("timestamp not a number", (body, _) => ("yesterday", Sign(body, "yesterday"))),
        Command("timestamp with a plus sign", (body, now) => ("+" + Text(now), Sign(body, "+" + Text(now)))),
        Command("negative timestamp", (body, now) => ("-" + Text(now), Sign(body, "-" + Text(now)))),
        Command("timestamp beyond a 64-bit number",
            (body, _) => ("99999999999999999999", Sign(body, "99999999999999999999"))),
        Click("version v1", (body, now) => (Text(now), "v1=" + Sign(body, Text(now))[3..])),
        Click("uppercase version", (body, now) => (Text(now), "V0=" + Sign(body, Text(now))[3..])),
        Click("uppercase hex",
            (body, now) => (Text(now), "v0=" + Sign(body, Text(now))[3..].ToUpperInvariant())),
        Command("hex without a version", (body, now) => (Text(now), Sign(body, Text(now))[3..])),
        Command("signature one digit short", (body, now) => (Text(now), Sign(body, Text(now))[..^1])),
        Command("signature one digit long", (body, now) => (Text(now), Sign(body, Text(now)) + "0")),
        Click("signature in base64", (body, now) => (Text(now), Base64(Sign(body, Text(now))))),
        new("body extended after signing", async f =>
        {
            var body = Attack.CreatingCommand(f);
            var timestamp = Text(f.Api.Now);
            return await f.Api.PostAsync(CommandsPath, body + "&user_id=U0BOB", FormType, timestamp,
                Sign(body, timestamp));
        }, 401),
        new("empty body without signature",
            f => f.Api.PostAsync(CommandsPath, "", FormType, null, null), 401),
        new("unsigned post to another path under /slack",
            f => f.Api.PostAsync("slack/events", Attack.ApprovingClick(f), FormType, null, null), 401),
    ];

    private static BadRequestCase Command(string name, Func<string, long, (string?, string?)> headers) =>
        new(name, f => SendAsync(f, CommandsPath, Attack.CreatingCommand(f), headers), 401);

    private static BadRequestCase Click(string name, Func<string, long, (string?, string?)> headers) =>
        new(name, f => SendAsync(f, InteractionsPath, Attack.ApprovingClick(f), headers), 401);

    private static string Base64(string signature) =>
        "v0=" + Convert.ToBase64String(Convert.FromHexString(signature[3..]));

    private static Task<ApiReply> SendAsync(
        SecurityProductFixture f, string path, string body, Func<string, long, (string?, string?)> headers)
    {
        var (timestamp, signature) = headers(body, f.Api.Now);
        return f.Api.PostAsync(path, body, FormType, timestamp, signature);
    }
}
