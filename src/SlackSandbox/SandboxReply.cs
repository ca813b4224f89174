namespace ApprovalBot.SlackSandbox;

/// <summary>
/// What the Api answered to a request the sandbox sent. <see cref="StatusCode"/> is 0 when no
/// HTTP answer came; <see cref="Error"/> then says why, with Slack's word for it where there is one
/// (<c>operation_timeout</c>, <c>dispatch_failed</c>) or a sandbox one when nothing was sent.
/// </summary>
public sealed record SandboxReply(
    int StatusCode, string Body, string? ContentType = null, string? Error = null)
{
    public bool IsSuccess => StatusCode == 200;

    internal static SandboxReply NotSent(string reason) => new(0, "", null, reason);
}
