using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary><c>chat.postMessage</c>, <c>chat.update</c> and <c>chat.postEphemeral</c>.</summary>
internal sealed class ChatMethods(
    SandboxOptions options, SandboxWorkspace workspace, SandboxRateLimits limits)
{
    public WebApiResult PostMessage(WebApiArgs args)
    {
        var channel = ResolveForPost(args.String("channel"));
        if (channel is null)
        {
            return WebApiResult.Error("channel_not_found");
        }

        var (content, error) = MessageContent.Read(args);
        if (content is null)
        {
            return error!;
        }

        if (!limits.TryAcquire(channel.Id))
        {
            return WebApiResult.RateLimited(retryAfterSeconds: 1);
        }

        var message = workspace.Post(channel.Id, (ts, now) => BotMessage(channel.Id, ts, now, content) with
        {
            ThreadTs = NullIfEmpty(args.String("thread_ts")),
        });
        return WebApiResult.Ok(new JsonObject
        {
            ["channel"] = channel.Id,
            ["ts"] = message.Ts,
            ["message"] = MessageJson.From(message, workspace.TeamId),
        });
    }

    public WebApiResult Update(WebApiArgs args)
    {
        var channelId = args.String("channel") ?? "";
        if (workspace.Channel(channelId) is null)
        {
            return WebApiResult.Error("channel_not_found");
        }

        var existing = workspace.Message(channelId, args.String("ts") ?? "");
        if (existing is null || existing.IsDeleted || existing.IsEphemeral)
        {
            return WebApiResult.Error("message_not_found");
        }

        if (existing.BotId != options.BotId)
        {
            return WebApiResult.Error("cant_update_message");
        }

        var (content, error) = MessageContent.Read(args);
        if (content is null)
        {
            return error!;
        }

        // Slack keeps a message's blocks when chat.update leaves the field out.
        var blocks = content.HasBlocks ? content.BlocksJson : existing.BlocksJson;
        var updated = workspace.Edit(channelId, existing.Ts, content.Text, blocks);
        if (updated is null)
        {
            return WebApiResult.Error("message_not_found");
        }

        return WebApiResult.Ok(new JsonObject
        {
            ["channel"] = channelId,
            ["ts"] = updated.Ts,
            ["text"] = updated.Text,
            ["message"] = MessageJson.From(updated, workspace.TeamId),
        });
    }

    public WebApiResult PostEphemeral(WebApiArgs args)
    {
        var channel = workspace.Channel(args.String("channel") ?? "");
        if (channel is null)
        {
            return WebApiResult.Error("channel_not_found");
        }

        var user = workspace.User(args.String("user") ?? "");
        if (user is null)
        {
            return WebApiResult.Error("user_not_found");
        }

        if (channel.Kind == SandboxChannelKind.Direct && channel.DirectUserId != user.Id)
        {
            return WebApiResult.Error("user_not_in_channel");
        }

        var (content, error) = MessageContent.Read(args);
        if (content is null)
        {
            return error!;
        }

        var message = workspace.Post(channel.Id, (ts, now) => BotMessage(channel.Id, ts, now, content) with
        {
            EphemeralTo = user.Id,
            ThreadTs = NullIfEmpty(args.String("thread_ts")),
        });
        return WebApiResult.Ok(new JsonObject { ["message_ts"] = message.Ts });
    }

    internal SandboxMessage BotMessage(
        string channelId, string ts, DateTimeOffset now, MessageContent content) =>
        new()
        {
            ChannelId = channelId,
            Ts = ts,
            UserId = options.BotUserId,
            BotId = options.BotId,
            Text = content.Text,
            BlocksJson = content.BlocksJson,
            PostedAt = now,
        };

    // A user id as channel means "the DM with that user", created on first use as Slack does.
    private SandboxChannel? ResolveForPost(string? channel)
    {
        if (string.IsNullOrEmpty(channel))
        {
            return null;
        }

        if (channel[0] is 'U' or 'W')
        {
            return workspace.EnsureDirectChannel(channel);
        }

        var name = channel.TrimStart('#');
        return workspace.Channel(channel)
            ?? workspace.Channels.FirstOrDefault(c => c.Kind != SandboxChannelKind.Direct && c.Name == name);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
