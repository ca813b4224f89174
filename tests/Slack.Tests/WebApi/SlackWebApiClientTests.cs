using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.Tests.TestSupport;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Slack.Tests.WebApi;

/// <summary>
/// The real client, registered as the hosts register it, against a scripted Slack on 127.0.0.1.
/// </summary>
public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-0000-secret-token";

    private static readonly SlackMessage Message = new(
        "fallback ✅", [new SectionBlock(new MrkdwnText("*hello* привет"))]);

    private readonly CapturingLoggerProvider _logs = new();
    private LocalSlackServer? _server;
    private ServiceProvider? _services;

    private LocalSlackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    private ISlackWebApi Api => _services!.GetRequiredService<ISlackWebApi>();

    private string Hook => Server.BaseAddress + "hooks/x";

    public async Task InitializeAsync()
    {
        _server = await LocalSlackServer.StartAsync();
        _services = Services(Server.BaseAddress + "api", $"127.0.0.1:{Server.Port}");
    }

    [Fact]
    public async Task PostMessage_RateLimited_ReportsRetryAfterAfterExactlyOneRequest()
    {
        Server.Enqueue(429, """{"ok":false,"error":"ratelimited"}""", ("Retry-After", "7"));

        var result = await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));

        Assert.False(result.IsOk);
        Assert.Equal(SlackFailureKind.RateLimited, result.Failure!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), result.Failure.RetryAfter);
        Assert.True(result.Failure.IsRetryable);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task UpdateMessage_ServerErrorThenOk_SucceedsOnTheInlineRetry()
    {
        Server.Enqueue(500, "oops");
        Server.Enqueue(200, """{"ok":true,"channel":"C0ABCDEFGH","ts":"1767366245.000100"}""");

        var result = await Api.UpdateMessageAsync(new UpdateMessageRequest("C0ABCDEFGH", "1767366245.000100", Message));

        Assert.True(result.IsOk, result.Failure?.ToString());
        Assert.Equal(new PostedMessage("C0ABCDEFGH", "1767366245.000100"), result.Value);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(Server.Requests[0].Body, Server.Requests[1].Body);
    }

    [Fact]
    public async Task UpdateMessage_ServerErrorTwice_TransientAfterTwoRequests()
    {
        Server.Enqueue(503, "");
        Server.Enqueue(502, "");

        var result = await Api.UpdateMessageAsync(new UpdateMessageRequest("C0ABCDEFGH", "1.2", Message));

        Assert.Equal(SlackFailureKind.Transient, result.Failure!.Kind);
        Assert.Equal("http_502", result.Failure.Error);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task PostMessage_ServerError_NotSentAgainInlineBecauseSlackMayHavePosted(int status)
    {
        Server.Enqueue(status, "");
        Server.Enqueue(200, """{"ok":true,"channel":"C0ABCDEFGH","ts":"1.2"}""");

        var result = await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));

        Assert.Equal(new SlackFailure(SlackFailureKind.Transient, $"http_{status}"), result.Failure);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task ReadHistory_Request_IsAFormWithChannelOldestLimitAndCursor()
    {
        Server.Enqueue(200, """{"ok":true,"messages":[],"has_more":false}""");

        await Api.ReadHistoryAsync(new HistoryRequest("C0ABCDEFGH", "1767366000.000000", 200, "bmV4dA=="));

        var request = Assert.Single(Server.Requests);
        Assert.Equal("/api/conversations.history", request.PathAndQuery);
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            "channel=C0ABCDEFGH&limit=200&inclusive=true&oldest=1767366000.000000&cursor=bmV4dA%3D%3D",
            request.Body);
    }

    [Fact]
    public async Task ReadHistory_Page_GivesEachMessagesTsAndBlockIdsAndTheNextCursor()
    {
        Server.Enqueue(200, """
            {"ok":true,"messages":[
              {"type":"message","ts":"1767366245.000200","text":"plain","user":"U0ABCDEFGH"},
              {"type":"message","ts":"1767366245.000100","text":"card","bot_id":"B0BOT",
               "blocks":[{"type":"header","block_id":"corr-1.r0.header"},{"type":"divider"}]}],
             "has_more":true,"pin_count":0,"response_metadata":{"next_cursor":"bmV4dA=="}}
            """);

        var result = await Api.ReadHistoryAsync(new HistoryRequest("C0ABCDEFGH"));

        Assert.True(result.IsOk, result.Failure?.ToString());
        Assert.Equal("bmV4dA==", result.Value!.NextCursor);
        Assert.Equal(["1767366245.000200", "1767366245.000100"], result.Value.Messages.Select(m => m.Ts));
        Assert.Empty(result.Value.Messages[0].BlockIds);
        Assert.Equal(["corr-1.r0.header"], result.Value.Messages[1].BlockIds);
    }

    [Fact]
    public async Task ReadHistory_LastPage_HasNoCursor()
    {
        Server.Enqueue(200, """{"ok":true,"messages":[],"has_more":false,"response_metadata":{"next_cursor":""}}""");

        var result = await Api.ReadHistoryAsync(new HistoryRequest("C0ABCDEFGH"));

        Assert.Null(result.Value!.NextCursor);
        Assert.Empty(result.Value.Messages);
    }

    [Fact]
    public async Task ReadHistory_MissingScope_IsASlackErrorNotRetried()
    {
        Server.Enqueue(200, """{"ok":false,"error":"missing_scope","needed":"groups:history"}""");

        var result = await Api.ReadHistoryAsync(new HistoryRequest("C0ABCDEFGH"));

        Assert.Equal(new SlackFailure(SlackFailureKind.SlackError, "missing_scope"), result.Failure);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task PostMessage_ChannelNotFound_ReportedOnceWithoutRetry()
    {
        Server.Enqueue(200, """{"ok":false,"error":"channel_not_found"}""");

        var result = await Api.PostMessageAsync(new PostMessageRequest("C0MISSING0", Message));

        Assert.Equal(new SlackFailure(SlackFailureKind.SlackError, "channel_not_found"), result.Failure);
        Assert.False(result.Failure!.IsRetryable);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task PostMessage_Request_BearerTokenUtf8JsonAndSlackShape()
    {
        Server.Enqueue(200, """{"ok":true,"channel":"C0ABCDEFGH","ts":"1.2"}""");

        await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message, ThreadTs: "1.1"));

        var request = Assert.Single(Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/chat.postMessage", request.PathAndQuery);
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("C0ABCDEFGH", body.RootElement.GetProperty("channel").GetString());
        Assert.Equal("fallback ✅", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("1.1", body.RootElement.GetProperty("thread_ts").GetString());
        var block = body.RootElement.GetProperty("blocks")[0];
        Assert.Equal("section", block.GetProperty("type").GetString());
        Assert.Equal("*hello* привет", block.GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task UpdateMessage_SendsChannelTsAndBlocks()
    {
        Server.Enqueue(200, """{"ok":true,"channel":"C0ABCDEFGH","ts":"1.2"}""");

        var result = await Api.UpdateMessageAsync(new UpdateMessageRequest("C0ABCDEFGH", "1.2", Message));

        Assert.True(result.IsOk, result.Failure?.ToString());
        var request = Assert.Single(Server.Requests);
        Assert.Equal("/api/chat.update", request.PathAndQuery);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("1.2", body.RootElement.GetProperty("ts").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("blocks").GetArrayLength());
    }

    [Fact]
    public async Task PostEphemeral_PlainMessage_OmitsBlocks()
    {
        var result = await Api.PostEphemeralAsync(
            new PostEphemeralRequest("C0ABCDEFGH", "U0ABCDEFGH", SlackMessage.Plain("only you")));

        Assert.True(result.IsOk, result.Failure?.ToString());
        var request = Assert.Single(Server.Requests);
        Assert.Equal("/api/chat.postEphemeral", request.PathAndQuery);
        Assert.Equal("""{"channel":"C0ABCDEFGH","user":"U0ABCDEFGH","text":"only you"}""", request.Body);
    }

    [Fact]
    public async Task OpenView_ExpiredTrigger_SlackErrorCode()
    {
        Server.Enqueue(200, """{"ok":false,"error":"expired_trigger_id"}""");
        var view = new ModalView(new PlainText("Deny"), [], PrivateMetadata: "corr-1|tok");

        var result = await Api.OpenViewAsync(new OpenViewRequest("1.2.abc", view));

        Assert.Equal("expired_trigger_id", result.Failure!.Error);
        using var body = JsonDocument.Parse(Assert.Single(Server.Requests).Body);
        Assert.Equal("1.2.abc", body.RootElement.GetProperty("trigger_id").GetString());
        Assert.Equal("modal", body.RootElement.GetProperty("view").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ListUserGroupMembers_FormEncodedRead_ReturnsUsers()
    {
        Server.Enqueue(200, """{"ok":true,"users":["U0AAAAAAAA","W0BBBBBBBB"]}""");

        var result = await Api.ListUserGroupMembersAsync("S0ABCDEFGH");

        Assert.Equal(["U0AAAAAAAA", "W0BBBBBBBB"], result.Value);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("/api/usergroups.users.list", request.PathAndQuery);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("usergroup=S0ABCDEFGH", request.Body);
        Assert.Equal("Bearer " + Token, request.Authorization);
    }

    [Fact]
    public async Task PostToResponseUrl_AllowedLoopbackHost_EphemeralJsonWithoutToken()
    {
        var url = Server.BaseAddress + "hooks/commands/T1/2/abc";

        var result = await Api.PostToResponseUrlAsync(url, new ResponseUrlMessage(Message));

        Assert.True(result.IsOk, result.Failure?.ToString());
        var request = Assert.Single(Server.Requests);
        Assert.Equal("/hooks/commands/T1/2/abc", request.PathAndQuery);
        Assert.Equal("", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("ephemeral", body.RootElement.GetProperty("response_type").GetString());
        Assert.False(body.RootElement.GetProperty("replace_original").GetBoolean());
        Assert.Equal("fallback ✅", body.RootElement.GetProperty("text").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("blocks").GetArrayLength());
    }

    [Fact]
    public async Task PostToResponseUrl_HostNotAllowed_RefusedAndNothingSent()
    {
        var url = $"http://localhost:{Server.Port}/hooks/commands/T1/2/abc";

        var result = await Api.PostToResponseUrlAsync(url, new ResponseUrlMessage(Message));

        Assert.Equal(new SlackFailure(SlackFailureKind.Refused, "response_url_not_allowed"), result.Failure);
        Assert.Empty(Server.Requests);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains($"localhost:{Server.Port}", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/hooks/commands", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostToResponseUrl_UsedUrl_SlackErrorFromPlainBody()
    {
        Server.Enqueue(404, "used_url");

        var result = await Api.PostToResponseUrlAsync(Hook, new ResponseUrlMessage(Message));

        Assert.Equal(new SlackFailure(SlackFailureKind.SlackError, "used_url"), result.Failure);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task PostToResponseUrl_PlainOkBody_Succeeds()
    {
        Server.Enqueue(200, "ok");

        var result = await Api.PostToResponseUrlAsync(Hook, new ResponseUrlMessage(Message));

        Assert.True(result.IsOk, result.Failure?.ToString());
    }

    [Fact]
    public async Task PostMessage_SlackHangs_TransientTimeoutWithinBudget()
    {
        Server.EnqueueHang();
        Server.EnqueueHang();

        var result = await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));

        Assert.Equal(new SlackFailure(SlackFailureKind.Transient, "timeout"), result.Failure);
        Assert.InRange(Server.Requests.Count, 1, 2);
    }

    [Fact]
    public async Task PostMessage_ConnectionRefused_Transient()
    {
        await using var services = Services($"http://127.0.0.1:{UnusedPort()}/api/", "hooks.slack.com");

        var result = await services.GetRequiredService<ISlackWebApi>()
            .PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));

        Assert.Equal(new SlackFailure(SlackFailureKind.Transient, "connection_failed"), result.Failure);
    }

    [Fact]
    public async Task PostMessage_OkWithoutTs_SlackError()
    {
        Server.Enqueue(200, """{"ok":true}""");

        var result = await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));

        Assert.Equal(SlackFailureKind.SlackError, result.Failure!.Kind);
    }

    [Fact]
    public async Task PostMessage_NotJson_Transient()
    {
        Server.Enqueue(200, "<html>proxy</html>");

        var result = await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));

        Assert.Equal(new SlackFailure(SlackFailureKind.Transient, "invalid_response"), result.Failure);
    }

    [Fact]
    public async Task AnyFailure_Logs_NeverContainTheToken()
    {
        Server.Enqueue(200, """{"ok":false,"error":"invalid_auth"}""");
        Server.Enqueue(429, "", ("Retry-After", "1"));

        await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));
        await Api.PostMessageAsync(new PostMessageRequest("C0ABCDEFGH", Message));

        Assert.NotEmpty(_logs.Entries);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private ServiceProvider Services(string apiBaseUrl, string responseUrlHost)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:BotToken"] = Token,
                ["Slack:ApiBaseUrl"] = apiBaseUrl,
                ["Slack:ResponseUrlHosts:0"] = responseUrlHost,
            })
            .Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace))
            .AddSlackWebApi(configuration)
            .BuildServiceProvider();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
