using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.Page;

/// <summary>
/// What the page does on a person's behalf: <c>POST /sandbox/act/{message|click|submit|close}</c>.
/// Each answers with the Api's reply; a request naming an unknown user, message or view gets 400.
/// </summary>
internal static class ActionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SandboxRuntime runtime)
    {
        routes.MapPost("/sandbox/act/message", Handle((a, ct) => MessageAsync(runtime, a, ct)));
        routes.MapPost("/sandbox/act/click", Handle((a, ct) => runtime.Users.ClickAsync(
            a.AsString("user"), a.AsString("channel"), a.AsString("ts"), a.AsString("action_id"), ct)));
        routes.MapPost("/sandbox/act/submit", Handle((a, ct) => runtime.Views.SubmitAsync(
            a.AsString("user"), a.AsString("view_id"), Values(a["values"]), ct)));
        routes.MapPost("/sandbox/act/close", Handle((a, ct) => runtime.Views.CloseAsync(
            a.AsString("user"), a.AsString("view_id"), ct)));
    }

    private static RequestDelegate Handle(Func<JsonObject, CancellationToken, Task<SandboxReply>> act) =>
        context => RunAsync(context, act);

    // The composer: the configured slash command goes to the Api, other text is a plain message.
    private static Task<SandboxReply> MessageAsync(
        SandboxRuntime runtime, JsonObject args, CancellationToken ct)
    {
        var (user, channel) = (args.AsString("user"), args.AsString("channel"));
        var text = args.AsString("text").Trim();
        var command = runtime.Options.Command;
        if (text == command || text.StartsWith(command + " ", StringComparison.Ordinal))
        {
            return runtime.Users.SendSlashCommandAsync(user, text[command.Length..].TrimStart(), channel, ct);
        }

        if (text.StartsWith('/'))
        {
            runtime.Users.PostSlackbotNotice(user, channel, $"{text.Split(' ')[0]} is not a valid command.");
            return Task.FromResult(SandboxReply.NotSent("unknown_command"));
        }

        runtime.Users.PostUserMessage(user, channel, text);
        return Task.FromResult(SandboxReply.NotSent("plain_message"));
    }

    private static async Task RunAsync(
        HttpContext context, Func<JsonObject, CancellationToken, Task<SandboxReply>> act)
    {
        var body = await RequestBody.ReadTextAsync(context.Request);
        if (SandboxJson.TryParse(body) is not JsonObject args)
        {
            await SandboxJson.WriteAsync(
                context.Response, 400, new JsonObject { ["error"] = "expected a JSON object" });
            return;
        }

        try
        {
            var reply = await act(args, context.RequestAborted);
            await SandboxJson.WriteAsync(context.Response, 200, new JsonObject
            {
                ["status_code"] = reply.StatusCode,
                ["body"] = reply.Body,
                ["content_type"] = reply.ContentType,
                ["error"] = reply.Error,
            });
        }
        catch (ArgumentException e)
        {
            await SandboxJson.WriteAsync(context.Response, 400, new JsonObject { ["error"] = e.Message });
        }
    }

    private static Dictionary<string, string> Values(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value.AsString(), StringComparer.Ordinal);

    private static string AsString(this JsonObject args, string name) => args[name].AsString();
}
