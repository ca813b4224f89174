using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Tests.TestSupport;

namespace ApprovalBot.SlackSandbox.Tests.WebApi;

public sealed class DirectoryTests
{
    [Fact]
    public async Task UserGroupsUsersList_ApproverGroup_ReturnsBobAndCarol()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync(
            "usergroups.users.list", new JsonObject
            {
                ["usergroup"] = SandboxOptions.DefaultApproverGroupId,
            });

        Assert.True(response.Ok);
        var users = response.Body["users"]!.AsArray().Select(u => u!.GetValue<string>());
        Assert.Equal(["U0BOB", "U0CAROL"], users);
    }

    [Fact]
    public async Task UserGroupsUsersList_UnknownGroup_ReturnsNoSuchSubteam()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("usergroups.users.list", new JsonObject
        {
            ["usergroup"] = "S0NONE",
        });

        Assert.Equal("no_such_subteam", response.Error);
    }

    [Fact]
    public async Task UserGroupsUsersList_ConfiguredUsers_FollowTheirApproverFlags()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.Users.Add(new SandboxUserOptions { Id = "U0ERIN", Name = "erin", IsApprover = true });
            o.Users.Add(new SandboxUserOptions { Id = "U0FRANK", Name = "frank" });
        });

        var response = await sandbox.CallAsync(
            "usergroups.users.list", new JsonObject
            {
                ["usergroup"] = SandboxOptions.DefaultApproverGroupId,
            });

        Assert.Equal(["U0ERIN"], response.Body["users"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public async Task UsersInfo_KnownUser_ReturnsNameAndTeam()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var response = await sandbox.CallAsync("users.info", new JsonObject { ["user"] = "U0CAROL" });

        Assert.Equal("carol", response.Body["user"]!["name"]!.GetValue<string>());
        Assert.Equal(SandboxOptions.DefaultTeamId, response.Body["user"]!["team_id"]!.GetValue<string>());
    }
}
