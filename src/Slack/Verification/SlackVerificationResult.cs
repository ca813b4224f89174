using System.Globalization;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// The outcome of checking one request against Slack's signing scheme
/// (https://api.slack.com/authentication/verifying-requests-from-slack).
/// </summary>
/// <param name="Reason">Why it was rejected; <see cref="SlackRejectionReason.None"/> when verified.</param>
/// <param name="SkewSeconds">Our clock minus the request timestamp: positive when old, negative when
/// ahead.</param>
/// <param name="UsedPreviousSecret">Verified with <c>Slack:PreviousSigningSecret</c> during a
/// rotation.</param>
public readonly record struct SlackVerificationResult(
    SlackRejectionReason Reason, long SkewSeconds = 0, bool UsedPreviousSecret = false)
{
    public bool IsVerified => Reason == SlackRejectionReason.None;

    public static SlackVerificationResult Rejected(SlackRejectionReason reason, long skewSeconds = 0) =>
        new(reason, skewSeconds);

    /// <summary>A short description for logs; never contains headers, secrets or body.</summary>
    public string Describe() => Reason switch
    {
        SlackRejectionReason.None => "verified",
        SlackRejectionReason.StaleTimestamp when SkewSeconds >= 0 =>
            string.Create(CultureInfo.InvariantCulture, $"stale timestamp: {SkewSeconds} s old"),
        SlackRejectionReason.StaleTimestamp =>
            string.Create(CultureInfo.InvariantCulture, $"stale timestamp: {-SkewSeconds} s in the future"),
        SlackRejectionReason.MissingTimestamp => "missing X-Slack-Request-Timestamp header",
        SlackRejectionReason.MalformedTimestamp => "malformed X-Slack-Request-Timestamp header",
        SlackRejectionReason.MissingSignature => "missing X-Slack-Signature header",
        SlackRejectionReason.MalformedSignature => "malformed X-Slack-Signature header",
        SlackRejectionReason.SignatureMismatch => "bad signature",
        SlackRejectionReason.DuplicateHeader => "repeated signing header",
        SlackRejectionReason.BodyTooLarge => "body too large",
        _ => Reason.ToString(),
    };
}
