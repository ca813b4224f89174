using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.Slack.Tests.WebApi;

public sealed class ResponseUrlPolicyTests
{
    private static readonly string[] SlackOnly = ["hooks.slack.com"];

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/abc")]
    [InlineData("https://HOOKS.SLACK.COM/actions/T1/2/abc")]
    [InlineData("https://hooks.slack.com:443/actions/T1/2/abc")]
    public void IsAllowed_SlackHooksOverHttps_Allowed(string url) =>
        Assert.True(ResponseUrlPolicy.IsAllowed(url, SlackOnly, out _, out var reason), reason);

    [Theory]
    [InlineData("http://hooks.slack.com/commands/T1/2/abc", "not an https URL")]
    [InlineData("https://hooks.slack.com.evil.example/x", "host not in")]
    [InlineData("https://evil.example/hooks.slack.com", "host not in")]
    [InlineData("https://hooks.slack.com@evil.example/x", "user info")]
    [InlineData("https://user@hooks.slack.com/x", "user info")]
    [InlineData("https://hooks.slack.com:8443/x", "host not in")]
    [InlineData("hooks.slack.com/commands", "not an absolute URL")]
    [InlineData("", "not an absolute URL")]
    [InlineData(null, "not an absolute URL")]
    [InlineData("file:///etc/passwd", "not an https URL")]
    [InlineData("javascript:alert(1)", "not an https URL")]
    public void IsAllowed_AnythingElse_RefusedWithReason(string? url, string reason)
    {
        var allowed = ResponseUrlPolicy.IsAllowed(url, SlackOnly, out _, out var why);

        Assert.False(allowed);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void IsAllowed_RelativePath_Refused() =>
        Assert.False(ResponseUrlPolicy.IsAllowed("/commands/T1/2/abc", SlackOnly, out _, out _));

    [Theory]
    [InlineData("http://127.0.0.1:5005/hook", true)]
    [InlineData("http://127.0.0.1:5006/hook", false)]
    [InlineData("http://localhost:5005/hook", false)]
    [InlineData("http://10.0.0.1:5005/hook", false)]
    public void IsAllowed_SandboxLoopbackEntry_HttpOnlyOnThatHostAndPort(string url, bool expected)
    {
        var allowed = ResponseUrlPolicy.IsAllowed(url, ["127.0.0.1:5005"], out _, out var reason);

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void IsAllowed_HttpToNonLoopbackListedHost_Refused()
    {
        var allowed = ResponseUrlPolicy.IsAllowed(
            "http://sandbox.example:5005/x", ["sandbox.example:5005"], out _, out var reason);

        Assert.False(allowed);
        Assert.Equal("not an https URL", reason);
    }
}
