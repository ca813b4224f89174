namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// The values of <c>X-Slack-Request-Timestamp</c> and <c>X-Slack-Signature</c> for one body.
/// </summary>
public readonly record struct SlackRequestSignature(string Timestamp, string Signature);
