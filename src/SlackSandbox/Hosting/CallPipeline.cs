using System.Globalization;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.WebApi;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Hosting;

/// <summary>
/// What every call the bot makes goes through: added latency, fault switches, the method
/// itself, then the record of the call and the answer.
/// </summary>
internal sealed class CallPipeline(
    SandboxFaults faults, SandboxWorkspace workspace, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(
        HttpContext context, string method, string body, Func<WebApiResult> apply)
    {
        var latency = faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, context.RequestAborted);
        }

        var fault = faults.Take(method);
        if (fault is not null)
        {
            logger.LogInformationFaultApplied(method, fault.Kind);
        }

        if (fault?.Kind == SandboxFaultKind.DropConnection)
        {
            Record(context, method, body, 0, "(connection dropped)");
            context.Abort();
            return;
        }

        var result = fault is null || fault.Kind == SandboxFaultKind.ApplyThenFail ? apply() : Refuse(fault);
        if (fault?.Kind == SandboxFaultKind.ApplyThenFail)
        {
            result = WebApiResult.Failure(500, "internal_error");
        }

        await WriteAsync(context, method, body, result);
    }

    public async Task WriteAsync(HttpContext context, string method, string body, WebApiResult result)
    {
        var json = SandboxJson.Write(result.Body);
        Record(context, method, body, result.StatusCode, json);
        if (result.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await SandboxJson.WriteAsync(context.Response, result.StatusCode, result.Body);
    }

    private static WebApiResult Refuse(SandboxFault fault) => fault.Kind switch
    {
        SandboxFaultKind.RateLimited => WebApiResult.RateLimited(fault.RetryAfterSeconds),
        SandboxFaultKind.ServerError => WebApiResult.Failure(500, "internal_error"),
        SandboxFaultKind.FailBeforeApply => WebApiResult.Failure(503, "service_unavailable"),
        _ => WebApiResult.Error(fault.Error ?? "fatal_error"),
    };

    private void Record(HttpContext context, string method, string body, int status, string response) =>
        workspace.Record(new SandboxCall(
            method, context.Request.ContentType ?? "", body, status, response, time.GetUtcNow()));
}
