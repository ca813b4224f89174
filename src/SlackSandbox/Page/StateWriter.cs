using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Page;

/// <summary>
/// The JSON of <c>GET /sandbox/state</c>. With a user, it is what that user sees (their DM,
/// their ephemerals, their open modals); without one, everything, ephemerals marked.
/// </summary>
internal static class StateWriter
{
    public static JsonObject Write(
        SandboxOptions options, SandboxWorkspace workspace, bool rateLimits, string? userId)
    {
        var version = workspace.Version;
        var channels = workspace.Channels.Where(c => userId is null || c.Kind != SandboxChannelKind.Direct
            || c.DirectUserId == userId);
        var messages = new JsonObject();
        var channelList = new JsonArray();
        foreach (var channel in channels)
        {
            channelList.Add(new JsonObject
            {
                ["id"] = channel.Id,
                ["name"] = channel.Name,
                ["kind"] = channel.Kind.ToString().ToLowerInvariant(),
                ["direct_user_id"] = channel.DirectUserId,
            });
            var visible = userId is null
                ? workspace.Messages(channel.Id)
                : workspace.MessagesVisibleTo(channel.Id, userId);
            messages[channel.Id] = new JsonArray([.. visible.Select(m => (JsonNode)Message(m))]);
        }

        var views = workspace.Users.Where(u => userId is null || u.Id == userId)
            .SelectMany(u => workspace.OpenViews(u.Id))
            .Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id,
                ["user_id"] = v.UserId,
                ["view"] = v.View(),
                ["errors"] = new JsonObject([.. v.Errors.Select(e =>
                    KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))]),
            });

        return new JsonObject
        {
            ["version"] = version,
            ["team_id"] = options.TeamId,
            ["command"] = options.Command,
            ["approval_channel_id"] = options.ApprovalChannelId,
            ["general_channel_id"] = options.GeneralChannelId,
            ["bot"] = new JsonObject { ["user_id"] = options.BotUserId, ["name"] = options.BotName },
            ["rate_limits_enforced"] = rateLimits,
            ["users"] = new JsonArray([.. workspace.Users.Select(u => (JsonNode)new JsonObject
            {
                ["id"] = u.Id,
                ["name"] = u.Name,
                ["real_name"] = u.RealName,
                ["is_approver"] = u.IsApprover,
                ["dm_channel_id"] = SandboxWorkspace.DirectChannelIdFor(u.Id),
            })]),
            ["channels"] = channelList,
            ["messages"] = messages,
            ["views"] = new JsonArray([.. views]),
        };
    }

    private static JsonObject Message(SandboxMessage m) => new()
    {
        ["ts"] = m.Ts,
        ["user"] = m.UserId,
        ["bot_id"] = m.BotId,
        ["text"] = m.Text,
        ["blocks"] = m.BlocksJson is null ? null : m.Blocks(),
        ["thread_ts"] = m.ThreadTs,
        ["ephemeral_to"] = m.EphemeralTo,
        ["edited"] = m.EditedAt is not null,
        ["edit_count"] = m.History.Count,
    };
}
