namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Bounds on what a request claiming to come from Slack may look like
/// (https://api.slack.com/authentication/verifying-requests-from-slack).
/// </summary>
public static class SlackVerificationLimits
{
    /// <summary>
    /// Largest body accepted (256 KiB). Reasons are capped at 1,000 characters, so no genuine Slack request
    /// to us comes near it; anything larger is refused with 413 before a byte of it is hashed.
    /// </summary>
    public const int MaxBodyBytes = 262_144;

    /// <summary>How far the request timestamp may be from our clock, in either direction.</summary>
    public const int MaxClockSkewSeconds = 300;
}
