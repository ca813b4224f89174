namespace ApprovalBot.Slack.Verification;

/// <summary>
/// The signing headers Slack sends (https://api.slack.com/authentication/verifying-requests-from-slack).
/// </summary>
public static class SlackHeaders
{
    public const string RequestTimestamp = "X-Slack-Request-Timestamp";

    public const string Signature = "X-Slack-Signature";
}
