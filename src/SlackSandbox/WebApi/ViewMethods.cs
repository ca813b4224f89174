using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// <c>views.open</c>: checks the view and the trigger id, then shows the modal to the trigger's user.
/// </summary>
internal sealed class ViewMethods(
    SandboxOptions options, SandboxWorkspace workspace, TriggerRegistry triggers, TimeProvider time)
{
    public const int MaxPrivateMetadata = 3000;
    public const int MaxTitle = 24;

    private long _counter;

    public WebApiResult Open(WebApiArgs args)
    {
        var triggerId = args.String("trigger_id");
        if (args.Json("view", out _) is not JsonObject view || string.IsNullOrEmpty(triggerId))
        {
            return WebApiResult.Error("invalid_arguments", "trigger_id and view are required");
        }

        var problem = Validate(view);
        if (problem is not null)
        {
            return WebApiResult.Error("invalid_arguments", problem);
        }

        var (userId, error) = triggers.Use(triggerId);
        if (userId is null)
        {
            return WebApiResult.Error(error!);
        }

        var stored = Complete(view);
        workspace.Put(new SandboxView(
            stored.String("id")!, userId, SandboxJson.Write(stored),
            new Dictionary<string, string>(), IsOpen: true, time.GetUtcNow()));
        return WebApiResult.Ok(new JsonObject { ["view"] = stored });
    }

    /// <summary>
    /// Gives a replacement view (<c>response_action: update</c>) the id and fields Slack keeps.
    /// </summary>
    internal JsonObject Replace(SandboxView current, JsonObject view)
    {
        var stored = Complete(view);
        stored["id"] = current.Id;
        stored["root_view_id"] = current.Id;
        return stored;
    }

    internal static string? Validate(JsonObject view)
    {
        if (view.String("type") != "modal")
        {
            return "[json-pointer:/view/type] must be modal";
        }

        return BlockElementValidator.Text(view["title"], "/view/title", MaxTitle, plainOnly: true)
            ?? (view["submit"] is null ? null
                : BlockElementValidator.Text(view["submit"], "/view/submit", MaxTitle, plainOnly: true))
            ?? (view["close"] is null ? null
                : BlockElementValidator.Text(view["close"], "/view/close", MaxTitle, plainOnly: true))
            ?? (view.String("private_metadata") is { Length: > MaxPrivateMetadata }
                ? $"[json-pointer:/view/private_metadata] must be at most {MaxPrivateMetadata} characters"
                : null)
            ?? (view.String("callback_id") is { Length: > BlockValidator.MaxIdLength }
                ? "[json-pointer:/view/callback_id] must be less than 256 characters"
                : null)
            ?? BlockValidator.Validate(view["blocks"], BlockValidator.MaxModalBlocks);
    }

    // Slack fills in ids the app left out, so submissions can always be keyed by block and action.
    private JsonObject Complete(JsonObject view)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"V0SB{Interlocked.Increment(ref _counter):D6}");
        var blocks = view["blocks"]!.AsArray();
        foreach (var block in blocks.OfType<JsonObject>())
        {
            block["block_id"] ??= RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 5);
            if (block["element"] is JsonObject element)
            {
                element["action_id"] ??= RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 5);
            }
        }

        return new JsonObject
        {
            ["id"] = id,
            ["team_id"] = options.TeamId,
            ["type"] = "modal",
            ["blocks"] = blocks.DeepClone(),
            ["private_metadata"] = view.String("private_metadata") ?? "",
            ["callback_id"] = view.String("callback_id") ?? "",
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["hash"] = RandomNumberGenerator.GetHexString(16, lowercase: true),
            ["title"] = view["title"]?.DeepClone(),
            ["clear_on_close"] = view.Bool("clear_on_close"),
            ["notify_on_close"] = view.Bool("notify_on_close"),
            ["close"] = view["close"]?.DeepClone(),
            ["submit"] = view["submit"]?.DeepClone(),
            ["previous_view_id"] = null,
            ["root_view_id"] = id,
            ["app_id"] = options.ApiAppId,
            ["external_id"] = view.String("external_id") ?? "",
            ["app_installed_team_id"] = options.TeamId,
            ["bot_id"] = options.BotId,
        };
    }
}
