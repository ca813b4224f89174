using System.Text.Json.Nodes;
using ApprovalBot.Security.Tests.Support;
using ApprovalBot.TestSupport.Product;
using static ApprovalBot.Security.Tests.Catalogue.Attack;
using static ApprovalBot.Security.Tests.Support.SlackBodies;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Correctly signed bodies that Slack would never send: unparseable, of the wrong shape, required fields
/// missing. The design answers them 400 with an empty body.
/// </summary>
public static class MalformedCases
{
    public static IEnumerable<BadRequestCase> All =>
    [
        new("form command sent as JSON content",
            f => f.Api.SignedAsync(ApiClient.CommandsPath, CreatingCommand(f), contentType: Json), 400),
        new("JSON body instead of a form", f => f.Api.SignedAsync(ApiClient.CommandsPath,
            $$"""{"user_id":"{{Mallory}}","text":"forged@example.com"}""", contentType: Json), 400),
        new("empty command body", f => SignedCommandAsync(f, ""), 400),
        Command("command without user_id", f => CommandWithout("user_id", Mallory, "x@example.com", Url(f))),
        Command("command without team_id", f => CommandWithout("team_id", Mallory, "x@example.com", Url(f))),
        Command("command without response_url",
            f => CommandWithout("response_url", Mallory, "x@example.com", Url(f))),
        Command("command without command", f => CommandWithout("command", Mallory, "x@example.com", Url(f))),
        Command("command from a user id of the wrong shape",
            f => SlackBodies.Command("<!channel>", "x@example.com", Url(f))),
        new("empty interaction body", f => SignedInteractionAsync(f, ""), 400),
        Payload("interaction without a payload field", _ => "token=abc&type=block_actions"),
        Payload("payload that is not JSON", _ => Interaction("type=block_actions")),
        Payload("payload of truncated JSON",
            _ => Interaction("{\"type\":\"block_actions\",\"user\":{\"id\":")),
        Payload("payload that is a JSON array", _ => Interaction("""[{"type":"block_actions"}]""")),
        Payload("payload whose type is a number", _ => Interaction("""{"type":7}""")),
        Payload("payload nested 10,000 deep",
            _ => Interaction(new string('[', 10_000) + new string(']', 10_000))),
        Payload("payload whose type is a lone surrogate", _ => Interaction("""{"type":"\ud800"}""")),
        Payload("user id that is a lone surrogate", f => Interaction(SlackBodies
            .Click("U0LONE", f.Anchor.ButtonValue, Url(f)).ToJsonString().Replace("U0LONE", "\\udc00"))),
        Payload("block_actions without actions",
            f => Interaction(Click(f, c => c["actions"] = new JsonArray()))),
        Payload("block_actions with a null action",
            f => Interaction(Click(f, c => c["actions"] = new JsonArray((JsonNode?)null)))),
        Payload("block_actions without a user", f => Interaction(Click(f, c => c.Remove("user")))),
        Payload("action id that is a number",
            f => Interaction(Click(f, c => c["actions"]![0]!["action_id"] = 42))),
        Payload("click from a user id of the wrong shape",
            f => Interaction(SlackBodies.Click("bob", f.Anchor.ButtonValue, Url(f)))),
        Payload("click from a user id carrying markup",
            f => Interaction(SlackBodies.Click("U0BOB><!channel", f.Anchor.ButtonValue, Url(f)))),
        Payload("reason modal from a user id of the wrong shape", f => Interaction(
            DenySubmission("<!here>", $"{SandboxFlow.ApprovalChannel}:{f.Anchor.ButtonValue}", "no"))),
        Payload("view state whose key carries a line break", f => Interaction(BrokenState(f))),
    ];

    private const string Json = "application/json";

    private static string Url(SecurityProductFixture f) => f.ProbeResponseUrl;

    private static BadRequestCase Command(string name, Func<SecurityProductFixture, string> body) =>
        new(name, f => SignedCommandAsync(f, body(f)), 400);

    private static BadRequestCase Payload(string name, Func<SecurityProductFixture, string> body) =>
        new(name, f => SignedInteractionAsync(f, body(f)), 400);

    /// <summary>Bob's approving click on the anchor, changed by <paramref name="change"/>.</summary>
    private static JsonObject Click(SecurityProductFixture f, Action<JsonObject> change)
    {
        var click = SlackBodies.Click(SandboxUsers.Bob, f.Anchor.ButtonValue, Url(f));
        change(click);
        return click;
    }

    /// <summary>
    /// A reason modal whose state cannot be read, under a key made to look like the start of a log line: the
    /// parser's error names where it failed, and that must not split a log entry in two.
    /// </summary>
    private static JsonObject BrokenState(SecurityProductFixture f)
    {
        var submission = DenySubmission(
            SandboxUsers.Bob, $"{SandboxFlow.ApprovalChannel}:{f.Anchor.ButtonValue}", "reason");
        submission["view"]!["state"]!["values"] = new JsonObject
        {
            ["x\r\ninfo: ApprovalBot.Api[1] FORGED"] = new JsonObject { ["y"] = 5 },
        };
        return submission;
    }
}
