using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.WebApi;

namespace ApprovalBot.SlackSandbox.ResponseUrls;

/// <summary>
/// <c>POST /response/{id}</c>. A spent or unknown URL answers HTTP 404 with
/// <c>{"ok":false,"error":"expired_url"}</c> (older than 30 minutes), <c>"used_url"</c> (5 posts
/// accepted already) or <c>"no_service"</c>; a bad post answers 400 with <c>no_text</c>,
/// <c>invalid_blocks</c>, <c>msg_too_long</c> or <c>invalid_payload</c> and uses nothing up.
/// </summary>
internal static class ResponseUrlEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, SandboxRuntime runtime) =>
        routes.MapPost("/response/{id}", async (HttpContext context, string id) =>
        {
            var body = await RequestBody.ReadTextAsync(context.Request);
            await runtime.Pipeline.RunAsync(
                context, SandboxFaults.ResponseUrl, body, () => Apply(runtime, id, body));
        });

    private static WebApiResult Apply(SandboxRuntime runtime, string id, string body)
    {
        var (target, error) = runtime.ResponseUrls.Reserve(id);
        if (target is null)
        {
            return WebApiResult.Failure(404, error!);
        }

        var result = Post(runtime, target, body);
        if (result.StatusCode != 200)
        {
            runtime.ResponseUrls.Release(id);
        }

        return result;
    }

    private static WebApiResult Post(SandboxRuntime runtime, ResponseUrlTarget target, string body)
    {
        var args = WebApiArgs.Parse("application/json", body);
        if (args is null)
        {
            return WebApiResult.Failure(400, "invalid_payload");
        }

        var workspace = runtime.Workspace;
        if (args.Bool("delete_original"))
        {
            var deleted = target.MessageTs is null
                ? null
                : workspace.Delete(target.ChannelId, target.MessageTs);
            return deleted is null ? WebApiResult.Failure(404, "message_not_found") : Ok();
        }

        var (content, error) = MessageContent.Read(args);
        if (content is null)
        {
            return WebApiResult.Failure(400, error!.Body.String("error")!);
        }

        if (args.Bool("replace_original") && target.MessageTs is not null)
        {
            var edited = workspace.Edit(target.ChannelId, target.MessageTs, content.Text, content.BlocksJson);
            return edited is null ? WebApiResult.Failure(404, "message_not_found") : Ok();
        }

        var inChannel = args.String("response_type") == "in_channel";
        workspace.Post(target.ChannelId, (ts, now) =>
            runtime.Chat.BotMessage(target.ChannelId, ts, now, content) with
        {
            EphemeralTo = inChannel ? null : target.UserId,
            ThreadTs = args.String("thread_ts"),
        });
        return Ok();
    }

    private static WebApiResult Ok() => new(200, new JsonObject { ["ok"] = true });
}
