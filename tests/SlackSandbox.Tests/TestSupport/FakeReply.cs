namespace ApprovalBot.SlackSandbox.Tests.TestSupport;

/// <summary>What the fake Api answers to one request.</summary>
public sealed record FakeReply(int StatusCode, string ContentType, string Body)
{
    public static FakeReply Empty { get; } = new(200, "text/plain", "");

    public static FakeReply Json(string json) => new(200, "application/json", json);

    public static FakeReply Text(string text) => new(200, "text/plain; charset=utf-8", text);
}
