using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.Faults;

/// <summary>
/// Run-time switches over HTTP. <c>POST /sandbox/faults</c> takes
/// <c>{"kind":"rate_limited|server_error|fail_before_apply|drop_connection|apply_then_fail|error",
/// "method":"chat.postMessage"|"*"|"response_url","count":1,"retry_after_seconds":1,"error":"code"}</c>
/// or <c>{"latency_ms":250}</c>; <c>GET</c> lists them; <c>DELETE</c> clears all.
/// <c>POST /sandbox/rate-limits</c> takes <c>{"enforce":true|false}</c>.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly Dictionary<string, SandboxFaultKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rate_limited"] = SandboxFaultKind.RateLimited,
        ["server_error"] = SandboxFaultKind.ServerError,
        ["fail_before_apply"] = SandboxFaultKind.FailBeforeApply,
        ["drop_connection"] = SandboxFaultKind.DropConnection,
        ["apply_then_fail"] = SandboxFaultKind.ApplyThenFail,
        ["error"] = SandboxFaultKind.ErrorCode,
    };

    public static void Map(IEndpointRouteBuilder routes, SandboxRuntime runtime)
    {
        var faults = runtime.Faults;
        routes.MapGet("/sandbox/faults", () => Describe(faults));
        routes.MapDelete("/sandbox/faults", () =>
        {
            faults.Clear();
            return Describe(faults);
        });
        routes.MapPost("/sandbox/faults", async (HttpContext context) =>
        {
            var args = SandboxJson.TryParse(await RequestBody.ReadTextAsync(context.Request)) as JsonObject;
            var error = args is null ? "expected a JSON object" : Apply(faults, args);
            return error is null ? Describe(faults) : Results.BadRequest(new { error });
        });
        routes.MapPost("/sandbox/rate-limits", async (HttpContext context) =>
        {
            var args = SandboxJson.TryParse(await RequestBody.ReadTextAsync(context.Request));
            runtime.RateLimits.Enabled = args.Bool("enforce");
            return Results.Json(new { enforce = runtime.RateLimits.Enabled });
        });
    }

    private static string? Apply(SandboxFaults faults, JsonObject args)
    {
        if (args["latency_ms"] is JsonValue latency && latency.TryGetValue<int>(out var ms))
        {
            faults.Latency = TimeSpan.FromMilliseconds(Math.Max(0, ms));
            return null;
        }

        if (!Kinds.TryGetValue(args.String("kind") ?? "", out var kind))
        {
            return $"kind must be one of: {string.Join(", ", Kinds.Keys)}";
        }

        try
        {
            faults.Add(new SandboxFault(
                kind,
                args.String("method") ?? SandboxFaults.AllMethods,
                Int(args, "count") ?? 1,
                Int(args, "retry_after_seconds") ?? 1,
                args.String("error")));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static int? Int(JsonObject args, string name) =>
        args[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static IResult Describe(SandboxFaults faults) => Results.Json(new
    {
        latency_ms = faults.Latency.TotalMilliseconds,
        switches = faults.Active.Select(s => new
        {
            kind = Kinds.First(k => k.Value == s.Fault.Kind).Key,
            method = s.Fault.Method,
            remaining = s.Remaining,
            retry_after_seconds = s.Fault.RetryAfterSeconds,
            error = s.Fault.Error,
        }),
    });
}
