using ApprovalBot.Security.Tests.Support;
using ApprovalBot.TestSupport.Product;
using static ApprovalBot.Security.Tests.Catalogue.Attack;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Correctly signed commands that must create nothing: 200 with an ephemeral reply that says why.
/// </summary>
public static class RefusedCommandCases
{
    public static IEnumerable<BadRequestCase> All =>
    [
        Text("mailto link whose label names another address",
            "<mailto:attacker@evil.example|boss@example.com> routine access", "differ"),
        Text("mailto link whose label extends the address",
            "<mailto:boss@example.com.evil.example|boss@example.com>", "differ"),
        Text("mailto link without its closing bracket", "<mailto:boss@example.com", "could send"),
        Text("email carrying mention markup", "&lt;!channel&gt;@example.com", "cannot have"),
        Text("email with a right-to-left override", "moc.elpmaxe\u202E@example.com", "cannot have"),
        Text("timeout beyond the longest allowed", "x@example.com --timeout 999999d", "at most"),
        Text("timeout that is not a duration", "x@example.com --timeout 1e9s", "minutes, hours or days"),
        Command("cancel of someone else's request",
            f => SlackBodies.Command(SandboxUsers.Dave, $"cancel {f.Anchor.Id}", f.ProbeResponseUrl),
            "Only the requester"),
        Command("status of someone else's request",
            f => SlackBodies.Command(SandboxUsers.Dave, $"status {f.Anchor.Id}", f.ProbeResponseUrl),
            "may not see"),
        Text("status of a correlation id carrying markup", "status corr-<!channel>",
            "needs a correlation id"),
    ];

    private static BadRequestCase Text(string name, string text, string reply) =>
        Command(name, f => SlackBodies.Command(Mallory, text, f.ProbeResponseUrl), reply);

    private static BadRequestCase Command(
        string name, Func<SecurityProductFixture, string> body, string reply) =>
        new(name, f => SignedCommandAsync(f, body(f)), 200, Reply: reply);
}
