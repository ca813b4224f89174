using ApprovalBot.Api.Interactions;
using ApprovalBot.Security.Tests.Support;
using ApprovalBot.Slack.Messages;
using ApprovalBot.TestSupport.Product;
using static ApprovalBot.Security.Tests.Catalogue.Attack;
using static ApprovalBot.Security.Tests.Support.SlackBodies;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// Correctly signed clicks and reason modals that the grain (or the button value check before it) refuses:
/// 200, nothing decided, and the clicker told why, ephemerally (clicks) or in the modal (submissions).
/// </summary>
public static class RefusedClickCases
{
    private const string Unknown = "unknown, or the button was tampered with";
    private const string WrongChannel = "only accepted from the approval channel";
    private const string NotApprover = "not an approver";
    private const string Approval = SandboxFlow.ApprovalChannel;

    public static IEnumerable<BadRequestCase> All =>
    [
        Click("unknown correlation id", SandboxUsers.Bob, f => $"corr-{new string('0', 32)}|{f.Anchor.Token}",
            Unknown),
        Click("tampered callback token", SandboxUsers.Bob, f => f.Anchor.ButtonValue[..^2] + "xx", Unknown),
        Click("another request's callback token", SandboxUsers.Bob, f => $"{f.Anchor.Id}|{f.Other.Token}",
            Unknown),
        Click("button value over 2000 characters", SandboxUsers.Bob,
            f => f.Anchor.ButtonValue + new string('x', 2001 - f.Anchor.ButtonValue.Length), Unknown),
        Click("button value without a separator", SandboxUsers.Bob, f => f.Anchor.Id + f.Anchor.Token,
            Unknown),
        Click("button value missing", SandboxUsers.Bob, _ => null, Unknown),
        Click("button value with a line break", SandboxUsers.Bob, f => f.Anchor.ButtonValue + "\n", Unknown),
        Click("click by a member who is not an approver", SandboxUsers.Dave, f => f.Anchor.ButtonValue,
            NotApprover),
        Click("approver clicking their own request", SandboxUsers.Carol, f => f.Other.ButtonValue,
            "cannot decide your own"),
        Click("click from another channel", SandboxUsers.Bob, f => f.Anchor.ButtonValue, WrongChannel,
            channel: SandboxFlow.GeneralChannel),
        Click("deny with a tampered callback token", SandboxUsers.Bob, f => f.Anchor.ButtonValue + "0",
            Unknown, action: ApprovalMessages.DenyActionId),
        Click("deny from another channel", SandboxUsers.Bob, f => f.Anchor.ButtonValue, WrongChannel,
            action: ApprovalMessages.DenyActionId, channel: SandboxFlow.GeneralChannel),
        Modal("reason modal with a tampered callback token", SandboxUsers.Bob,
            f => $"{Approval}:{f.Anchor.ButtonValue[..^1]}", "no", Unknown),
        Modal("reason modal from a member who is not an approver", SandboxUsers.Dave,
            f => $"{Approval}:{f.Anchor.ButtonValue}", "no", NotApprover),
        Modal("reason modal whose metadata names another channel", SandboxUsers.Bob,
            f => $"{SandboxFlow.GeneralChannel}:{f.Anchor.ButtonValue}", "no", WrongChannel),
        Modal("reason modal without metadata", SandboxUsers.Bob, _ => "", "no", Unknown),
        Modal("reason modal with a reason over the limit", SandboxUsers.Bob,
            f => $"{Approval}:{f.Anchor.ButtonValue}", new string('r', DenyModalFlow.MaxReasonLength + 1),
            $"1 to {DenyModalFlow.MaxReasonLength} characters"),
    ];

    private static BadRequestCase Click(
        string name,
        string userId,
        Func<SecurityProductFixture, string?> value,
        string notice,
        string action = ApprovalMessages.ApproveActionId,
        string channel = Approval) =>
        new(name, f => SignedInteractionAsync(f, Interaction(
            SlackBodies.Click(userId, value(f), f.ProbeResponseUrl, action, channel))), 200, Notice: notice);

    private static BadRequestCase Modal(
        string name,
        string userId,
        Func<SecurityProductFixture, string> metadata,
        string reason,
        string shown) =>
        new(name, f => SignedInteractionAsync(f, Interaction(DenySubmission(userId, metadata(f), reason))),
            200, Reply: shown);
}
