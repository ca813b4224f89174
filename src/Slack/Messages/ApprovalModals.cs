using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Messages;

/// <summary>
/// The modal asking an approver why they deny (https://api.slack.com/surfaces/modals). Its
/// <c>private_metadata</c> carries what the Deny button carried, so the <c>view_submission</c> can be decided
/// exactly like a click.
/// </summary>
public static class ApprovalModals
{
    public const string DenyReasonCallbackId = "deny_reason";

    public const string ReasonBlockId = "reason";

    public const string ReasonActionId = "reason";

    /// <summary>The longest deny reason the form accepts (the Api checks the same limit).</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// A modal for the deny reason; <paramref name="privateMetadata"/> is the Deny button's value.
    /// </summary>
    public static ModalView DenyReason(string privateMetadata)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(privateMetadata.Length, SlackLimits.PrivateMetadata);
        Block[] blocks =
        [
            new InputBlock(
                new PlainText("Why deny this approval request?"),
                new PlainTextInputElement(ReasonActionId, Multiline: true, MaxLength: MaxReasonLength))
            {
                BlockId = ReasonBlockId,
            },
        ];
        return new ModalView(
            new PlainText("Deny approval request"),
            blocks,
            DenyReasonCallbackId,
            Submit: new PlainText("Deny"),
            Close: new PlainText("Cancel"),
            PrivateMetadata: privateMetadata);
    }
}
