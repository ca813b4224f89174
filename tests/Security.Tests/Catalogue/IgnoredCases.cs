using System.Text.Json.Nodes;
using ApprovalBot.Security.Tests.Support;
using ApprovalBot.TestSupport.Product;
using static ApprovalBot.Security.Tests.Catalogue.Attack;
using static ApprovalBot.Security.Tests.Support.SlackBodies;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Well-formed, correctly signed interactions the bot does not handle: 200 with an empty body, and nothing
/// else at all (not even a reply to the clicker). Other workspaces are covered by WorkspaceTests.
/// </summary>
public static class IgnoredCases
{
    private const string Modal = $"{SandboxFlow.ApprovalChannel}:";

    public static IEnumerable<BadRequestCase> All =>
    [
        Ignored("unknown payload type", f => Interaction(new JsonObject
        {
            ["type"] = "shortcut",
            ["callback_id"] = "approve_everything",
            ["user"] = new JsonObject { ["id"] = SandboxUsers.Bob },
        })),
        Ignored("view_closed", f => Interaction(new JsonObject
        {
            ["type"] = "view_closed",
            ["user"] = new JsonObject { ["id"] = SandboxUsers.Bob },
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["private_metadata"] = Modal + f.Anchor.ButtonValue,
            },
        })),
        Ignored("unknown action id with a valid callback token", f => Interaction(SlackBodies.Click(
            SandboxUsers.Bob, f.Anchor.ButtonValue, f.ProbeResponseUrl, actionId: "approve_all"))),
        Ignored("modal of another callback id with valid metadata", f => Interaction(DenySubmission(
            SandboxUsers.Bob, Modal + f.Anchor.ButtonValue, "looks fine", callbackId: "something_else"))),
    ];

    private static BadRequestCase Ignored(string name, Func<SecurityProductFixture, string> body) =>
        new(name, f => SignedInteractionAsync(f, body(f)), 200);
}
