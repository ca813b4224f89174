using ApprovalBot.SlackSandbox.Inbound;
using System.Runtime.CompilerServices;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.WebApi;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox;

/// <summary>
/// The sandbox running inside a test or the benchmark, on http://127.0.0.1 with a free port,
/// and a client that acts as its users.
/// </summary>
public sealed class SlackSandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxRuntime _runtime;

    private SlackSandboxServer(WebApplication app, SandboxRuntime runtime, Uri baseUrl)
    {
        _app = app;
        _runtime = runtime;
        BaseUrl = baseUrl;
    }

    /// <summary>The sandbox's root, ending in a slash (the page is here).</summary>
    public Uri BaseUrl { get; }

    /// <summary>What the bot uses as <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>
    /// host:port of the <c>response_url</c>s handed out, for the bot's <c>Slack:ResponseUrlHosts</c>.
    /// </summary>
    public string ResponseUrlHost => _runtime.Urls.PublicBaseUrl.Authority;

    public SandboxWorkspace Workspace => _runtime.Workspace;

    public SandboxFaults Faults => _runtime.Faults;

    public SandboxRateLimits RateLimits => _runtime.RateLimits;

    /// <summary>Where slash commands and interactions go (the Api's root), or null while unset.</summary>
    public Uri? AppBaseUrl => _runtime.App.BaseUrl;

    public static async Task<SlackSandboxServer> StartAsync(
        SandboxOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SlackSandboxServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = SandboxApp.Build(builder, options, time);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var runtime = app.Services.GetRequiredService<SandboxRuntime>();
        return new SlackSandboxServer(app, runtime, runtime.Urls.PublicBaseUrl);
    }

    /// <summary>
    /// Points slash commands and interactions at the Api; a handler routes them in memory instead.
    /// </summary>
    public void SetAppBaseUrl(Uri apiRoot, HttpMessageHandler? handler = null) =>
        _runtime.App.SetTarget(apiRoot, handler);

    /// <summary>
    /// Types <c>/approve {text}</c> as <paramref name="userId"/> (in the general channel by default).
    /// </summary>
    public Task<SandboxReply> SendSlashCommandAsync(
        string userId,
        string text,
        string? channelId = null,
        CancellationToken cancellationToken = default) =>
        _runtime.Users.SendSlashCommandAsync(userId, text, channelId, cancellationToken);

    /// <summary>
    /// Clicks the button <paramref name="actionId"/> on a message, sending <c>block_actions</c>.
    /// </summary>
    public Task<SandboxReply> ClickAsync(
        string userId, string channelId, string messageTs, string actionId,
        CancellationToken cancellationToken = default) =>
        _runtime.Users.ClickAsync(userId, channelId, messageTs, actionId, cancellationToken);

    /// <summary>A stale or tampered click: see <see cref="ClickOptions"/>.</summary>
    public Task<SandboxReply> ClickAsync(
        string userId, string channelId, string messageTs, string actionId, ClickOptions options,
        CancellationToken cancellationToken = default) =>
        _runtime.Users.ClickAsync(userId, channelId, messageTs, actionId, options, cancellationToken);

    /// <summary>
    /// Submits an open modal; <paramref name="values"/> are keyed by input block id (or action id).
    /// </summary>
    public Task<SandboxReply> SubmitViewAsync(
        string userId, string viewId, IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken = default) =>
        _runtime.Views.SubmitAsync(userId, viewId, values, cancellationToken);

    /// <summary>Cancels an open modal; <c>view_closed</c> is sent only if the view asked for it.</summary>
    public Task<SandboxReply> CloseViewAsync(
        string userId, string viewId, CancellationToken cancellationToken = default) =>
        _runtime.Views.CloseAsync(userId, viewId, cancellationToken);

    /// <summary>
    /// Sends an arbitrary body to the Api, signed by the sandbox (path relative to the Api root).
    /// </summary>
    public Task<SandboxReply> SendSignedAsync(
        string path, string body, string contentType, CancellationToken cancellationToken = default) =>
        _runtime.Users.SendSignedAsync(path, body, contentType, cancellationToken);

    /// <summary>
    /// Completes once <paramref name="condition"/> holds, re-checking on every workspace change;
    /// throws <see cref="TimeoutException"/> naming the condition and what the workspace held.
    /// </summary>
    public Task WaitForAsync(
        Func<SandboxWorkspace, bool> condition,
        TimeSpan timeout,
        [CallerArgumentExpression(nameof(condition))] string? expectation = null) =>
        WorkspaceWaiter.WaitAsync(Workspace, condition, timeout, expectation ?? "the condition");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _runtime.Dispose();
    }
}
