namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>
/// One call the bot made to the sandbox (a Web API method, or <c>response_url</c>): the exact
/// request body and what the sandbox answered, faults included.
/// </summary>
public sealed record SandboxCall(
    string Method, string ContentType, string Body, int StatusCode, string Response, DateTimeOffset At)
{
    /// <summary>True when the sandbox answered HTTP 200 with <c>"ok":true</c>.</summary>
    public bool Succeeded => StatusCode == 200 && Response.Contains("\"ok\":true", StringComparison.Ordinal);
}
