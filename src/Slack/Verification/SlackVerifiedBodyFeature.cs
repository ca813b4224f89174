namespace ApprovalBot.Slack.Verification;

/// <summary>
/// The request feature holding the raw body bytes once their Slack signature has been checked.
/// </summary>
internal sealed class SlackVerifiedBodyFeature(ReadOnlyMemory<byte> body)
{
    public ReadOnlyMemory<byte> Body { get; } = body;
}
