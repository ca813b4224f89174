using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Slack.Tests.TestSupport;

/// <summary>
/// A scripted stand-in for slack.com on 127.0.0.1 (Kestrel, port 0): answers each request with the next
/// queued response (or <c>{"ok":true}</c> when none is queued) and records what it received.
/// </summary>
public sealed class LocalSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LocalSlackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; private set; }

    public int Port => BaseAddress.Port;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LocalSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalSlackServer(app, new Uri("http://127.0.0.1/"));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Enqueue(int statusCode, string body, params (string Name, string Value)[] headers) =>
        _responses.Enqueue(async context =>
        {
            context.Response.StatusCode = statusCode;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(body, context.RequestAborted);
        });

    /// <summary>Holds the request open until the client gives up, as a hung Slack would.</summary>
    public void EnqueueHang() =>
        _responses.Enqueue(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            body));
        if (_responses.TryDequeue(out var respond))
        {
            await respond(context);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"ok":true}""", context.RequestAborted);
    }
}

public sealed record RecordedRequest(
    string Method, string PathAndQuery, string Authorization, string? ContentType, string Body);
