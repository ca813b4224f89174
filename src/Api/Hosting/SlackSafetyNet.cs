namespace ApprovalBot.Api.Hosting;

/// <summary>
/// The last line of "never a 5xx to Slack": an unexpected exception under <c>/slack</c> is logged at Error and
/// answered with a 200 (an ephemeral apology for a command, an empty body for an interaction), because Slack shows
/// users a failure for anything else and does not retry.
/// </summary>
public static partial class SlackSafetyNet
{
    private const string Apology =
        "{\"response_type\":\"ephemeral\",\"text\":\"Something went wrong on our side; nothing was recorded. " +
        "Please try again.\"}";

    public static IApplicationBuilder UseSlackSafetyNet(this IApplicationBuilder app, PathString prefix) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(prefix))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger("ApprovalBot.Api");
                LogErrorUnhandled(logger, context.Request.Path, e);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status200OK;
                if (context.Request.Path.StartsWithSegments(prefix + "/commands"))
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync(Apology);
                }
            }
        });

    [LoggerMessage(EventId = 3901, Level = LogLevel.Error,
        Message = "Unhandled failure answering a Slack request to {Path}; answered 200 so Slack shows no error")]
    private static partial void LogErrorUnhandled(ILogger logger, PathString path, Exception exception);
}
