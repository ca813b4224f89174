using System.Globalization;
using ApprovalBot.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Slack.Tests.TestSupport;

/// <summary>
/// The verification middleware in front of a recording endpoint, driven with DefaultHttpContext (no server):
/// a fake clock, captured logs, and the bytes the endpoint received.
/// </summary>
public sealed class VerificationPipeline : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly ServiceProvider _services;
    private readonly RequestDelegate _pipeline;

    public VerificationPipeline(long clockUnixSeconds = 1531420618)
    {
        Clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(clockUnixSeconds));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = Secret })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace))
            .AddSlackVerification(configuration)
            .BuildServiceProvider();
        var app = new ApplicationBuilder(_services);
        app.UseSlackVerification("/slack");
        app.Run(context =>
        {
            HandledBodies.Add(context.GetVerifiedSlackBody().ToArray());
            return Task.CompletedTask;
        });
        _pipeline = app.Build();
    }

    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public List<byte[]> HandledBodies { get; } = [];

    public string Now => Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A request signed the way Slack signs it, at the fake clock's current time.</summary>
    public static DefaultHttpContext Signed(byte[] body, string timestamp, string path = "/slack/commands")
    {
        var context = Request("POST", path, body);
        context.Request.Headers[SlackHeaders.RequestTimestamp] = timestamp;
        context.Request.Headers[SlackHeaders.Signature] = SlackSignature.Compute(Secret, timestamp, body);
        return context;
    }

    public static DefaultHttpContext Request(string method, string path, byte[] body, bool sendLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = sendLength ? body.Length : null;
        context.Response.Body = new MemoryStream();
        return context;
    }

    public async Task<DefaultHttpContext> SendAsync(DefaultHttpContext context)
    {
        context.RequestServices = _services;
        await _pipeline(context);
        return context;
    }

    public IReadOnlyList<CapturedLog> Warnings() =>
        [.. Logs.Entries.Where(e => e.Level >= LogLevel.Warning)];

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
