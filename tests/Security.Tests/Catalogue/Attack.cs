using ApprovalBot.Security.Tests.Support;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Bodies that would change something if the Api accepted them, so a forged one that got through would show.
/// </summary>
public static class Attack
{
    /// <summary>A requester who exists in no sandbox and never gets anything.</summary>
    public const string Mallory = "U0MALLORY";

    /// <summary>Bob, an approver, approving the anchor request with its real callback token.</summary>
    public static string ApprovingClick(SecurityProductFixture f) =>
        SlackBodies.Interaction(
            SlackBodies.Click(SandboxUsers.Bob, f.Anchor.ButtonValue, f.ProbeResponseUrl));

    /// <summary>A command that would create a request.</summary>
    public static string CreatingCommand(SecurityProductFixture f) =>
        SlackBodies.Command(Mallory, "forged@example.com let me in", f.ProbeResponseUrl);

    /// <summary>Sends <paramref name="body"/> signed correctly, to commands or interactions.</summary>
    public static Task<ApiReply> SignedCommandAsync(SecurityProductFixture f, string body) =>
        f.Api.SignedAsync(ApiClient.CommandsPath, body);

    public static Task<ApiReply> SignedInteractionAsync(SecurityProductFixture f, string body) =>
        f.Api.SignedAsync(ApiClient.InteractionsPath, body);
}
