using System.Text.RegularExpressions;
using ApprovalBot.TestSupport;

namespace ApprovalBot.Database.Tests;

public sealed partial class PgScriptTests
{
    [Fact]
    public async Task PgScript_StartWhenRunning_SaysSoAndSucceeds()
    {
        await PgScript.RunCheckedAsync("start");

        var again = await PgScript.RunAsync("start");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already running", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PgScript_Env_PrintsLoopbackAdminConnection()
    {
        await PgScript.RunCheckedAsync("start");

        var env = await PgScript.RunCheckedAsync("env");

        Assert.Matches(AdminExport(), env);
        Assert.Contains("export APPROVALBOT_PG_HOST=127.0.0.1", env, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PgScript_StatusWhenRunning_ExitsZero()
    {
        await PgScript.RunCheckedAsync("start");

        var status = await PgScript.RunAsync("status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("running on 127.0.0.1:", status.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(
        "^export APPROVALBOT_PG_ADMIN=\"Host=127\\.0\\.0\\.1;Port=[0-9]+;Username=approvalbot_admin;"
        + "Password=approvalbot_admin_dev;Database=approvalbot\"$",
        RegexOptions.Multiline)]
    private static partial Regex AdminExport();
}
