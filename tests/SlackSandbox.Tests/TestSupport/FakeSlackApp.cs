using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.SlackSandbox.Tests.TestSupport;

/// <summary>
/// A stand-in for the Api on 127.0.0.1: records every request the sandbox sends and answers
/// with whatever <see cref="Reply"/> says.
/// </summary>
public sealed class FakeSlackApp : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSlackApp(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Func<RecordedRequest, FakeReply> Reply { get; set; } = _ => FakeReply.Empty;

    /// <summary>When set, each request is held (unanswered) until this task completes.</summary>
    public Task? Hold { get; set; }

    /// <summary>Completes when the next request has arrived (and is being held, if held).</summary>
    public Task Arrived => _arrived.Task;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public RecordedRequest Last => Requests[^1];

    public static async Task<FakeSlackApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeSlackApp(app);
        app.MapPost("/{**path}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First() + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var request = new RecordedRequest(
            context.Request.Path,
            context.Request.ContentType ?? "",
            buffer.ToArray(),
            context.Request.Headers["X-Slack-Request-Timestamp"],
            context.Request.Headers["X-Slack-Signature"]);
        lock (_gate)
        {
            _requests.Add(request);
        }

        _arrived.TrySetResult();
        if (Hold is not null)
        {
            await Hold;
        }

        var reply = Reply(request);
        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body);
    }
}
