using System.Globalization;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.Page;

/// <summary>
/// <c>GET /sandbox/state</c> and the live feed <c>GET /sandbox/events</c> (Server-Sent Events).
/// </summary>
internal static class StateEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxRuntime runtime)
    {
        routes.MapGet("/sandbox/state", (HttpContext context) =>
        {
            var user = context.Request.Query["user"];
            var state = StateWriter.Write(
                runtime.Options, runtime.Workspace, runtime.RateLimits.Enabled, user);
            return SandboxJson.WriteAsync(context.Response, 200, state);
        });
        routes.MapGet("/sandbox/events", (HttpContext context) => StreamAsync(context, runtime));
    }

    // Each event carries only the workspace version; the page then fetches the state it may see.
    private static async Task StreamAsync(HttpContext context, SandboxRuntime runtime)
    {
        var stopping = context.RequestServices
            .GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var sent = -1L;
        try
        {
            while (!done.IsCancellationRequested)
            {
                var (version, changed) = runtime.Workspace.ChangeSignal();
                if (version != sent)
                {
                    var line = string.Create(CultureInfo.InvariantCulture, $"data: {version}\n\n");
                    await context.Response.WriteAsync(line, done.Token);
                    await context.Response.Body.FlushAsync(done.Token);
                    sent = version;
                }

                await changed.WaitAsync(done.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the sandbox is stopping: the stream simply ends.
        }
    }
}
