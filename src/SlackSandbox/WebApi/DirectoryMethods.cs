using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary><c>usergroups.users.list</c>, <c>users.info</c> and <c>auth.test</c>.</summary>
internal sealed class DirectoryMethods(SandboxOptions options, SandboxWorkspace workspace, SandboxUrls urls)
{
    public WebApiResult UserGroupMembers(WebApiArgs args)
    {
        var members = workspace.GroupMembers(args.String("usergroup") ?? "");
        if (members is null)
        {
            return WebApiResult.Error("no_such_subteam");
        }

        var users = new JsonArray([.. members.Select(m => (JsonNode)m)]);
        return WebApiResult.Ok(new JsonObject { ["users"] = users });
    }

    public WebApiResult UserInfo(WebApiArgs args)
    {
        var user = workspace.User(args.String("user") ?? "");
        if (user is null)
        {
            return WebApiResult.Error("user_not_found");
        }

        return WebApiResult.Ok(new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = options.TeamId,
                ["name"] = user.Name,
                ["real_name"] = user.RealName,
                ["is_bot"] = false,
                ["deleted"] = false,
                ["profile"] = new JsonObject
                {
                    ["real_name"] = user.RealName,
                    ["display_name"] = user.RealName,
                },
            },
        });
    }

    public WebApiResult AuthTest(WebApiArgs args) => WebApiResult.Ok(new JsonObject
    {
        ["url"] = urls.PublicBaseUrl.ToString(),
        ["team"] = options.TeamDomain,
        ["user"] = options.BotName,
        ["team_id"] = options.TeamId,
        ["user_id"] = options.BotUserId,
        ["bot_id"] = options.BotId,
        ["is_enterprise_install"] = false,
    });
}
