using System.Security.Cryptography;
using System.Text;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary><c>POST /api/{method}</c>: Slack's Web API for the methods the bot calls.</summary>
internal static class WebApiEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, SandboxRuntime runtime) =>
        routes.MapPost("/api/{method}", (HttpContext context, string method) =>
            HandleAsync(context, method, runtime));

    private static async Task HandleAsync(HttpContext context, string method, SandboxRuntime runtime)
    {
        var body = await RequestBody.ReadTextAsync(context.Request);
        if (!runtime.Methods.TryGetValue(method, out var handler))
        {
            var unknown = WebApiResult.Error("unknown_method");
            unknown.Body["req_method"] = method;
            await runtime.Pipeline.WriteAsync(context, method, body, unknown);
            return;
        }

        await runtime.Pipeline.RunAsync(
            context, method, body, () => Invoke(context.Request, body, runtime.Options, handler));
    }

    private static WebApiResult Invoke(
        HttpRequest request, string body, SandboxOptions options, Func<WebApiArgs, WebApiResult> handler)
    {
        var args = WebApiArgs.Parse(request.ContentType ?? "", body);
        if (args is null)
        {
            return WebApiResult.Error("invalid_json");
        }

        var token = BearerToken(request) ?? args.String("token");
        if (string.IsNullOrEmpty(token))
        {
            return WebApiResult.Error("not_authed");
        }

        return Matches(token, options.BotToken) ? handler(args) : WebApiResult.Error("invalid_auth");
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? header[Scheme.Length..].Trim()
            : null;
    }

    private static bool Matches(string token, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected));
}
