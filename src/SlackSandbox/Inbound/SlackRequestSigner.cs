using System.Globalization;
using ApprovalBot.Slack.Verification;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// Signs requests the way Slack does: the timestamp is the injected clock's Unix seconds and
/// the signature covers exactly the bytes that are sent.
/// </summary>
public sealed class SlackRequestSigner(string signingSecret, TimeProvider time)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public SlackRequestSignature Sign(ReadOnlySpan<byte> body)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new SlackRequestSignature(timestamp, SlackSignature.Compute(signingSecret, timestamp, body));
    }
}
