using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.WebApi;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// Shows the Api's answer to a slash command as Slack would: JSON or plain text as an
/// ephemeral message to the user (or in the channel for <c>in_channel</c>), an empty body as
/// nothing, and a failure as Slackbot's "failed with the error" notice.
/// </summary>
internal sealed class CommandReplies(SandboxOptions options, SandboxWorkspace workspace, ChatMethods chat)
{
    public void Show(SandboxReply reply, SandboxChannel channel, SandboxUser user)
    {
        if (reply.Error is not null || !reply.IsSuccess)
        {
            Slackbot(channel, user, reply.Error ?? "http_service_error");
            return;
        }

        if (string.IsNullOrWhiteSpace(reply.Body))
        {
            return;
        }

        var isJson = reply.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        var json = isJson ? SandboxJson.TryParse(reply.Body) as JsonObject : null;
        if (isJson && json is null)
        {
            Slackbot(channel, user, "invalid_response");
            return;
        }

        var args = new WebApiArgs(json ?? new JsonObject { ["text"] = reply.Body });
        var (content, error) = MessageContent.Read(args);
        if (content is null)
        {
            var code = error!.Body.String("error")!;
            if (code != "no_text")
            {
                Slackbot(channel, user, code);
            }

            return;
        }

        var inChannel = args.String("response_type") == "in_channel";
        workspace.Post(channel.Id, (ts, now) => chat.BotMessage(channel.Id, ts, now, content) with
        {
            EphemeralTo = inChannel ? null : user.Id,
        });
    }

    private void Slackbot(SandboxChannel channel, SandboxUser user, string error) =>
        workspace.Post(channel.Id, (ts, now) => new SandboxMessage
        {
            ChannelId = channel.Id,
            Ts = ts,
            UserId = SandboxMessage.SlackbotUserId,
            Text = $"{options.Command} failed with the error \"{error}\"",
            EphemeralTo = user.Id,
            PostedAt = now,
        });
}
