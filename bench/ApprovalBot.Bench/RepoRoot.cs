namespace ApprovalBot.Bench;

/// <summary>
/// The checkout being measured: <c>BENCH_REPO_ROOT</c> when set (a long run can then be started from a copy
/// of its binaries, safe from rebuilds of the checkout while it runs), otherwise the folder holding
/// ApprovalBot.sln above this program's binaries.
/// </summary>
public static class RepoRoot
{
    public const string Variable = "BENCH_REPO_ROOT";

    public static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return Path.GetFullPath(given);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApprovalBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ApprovalBot.sln above {AppContext.BaseDirectory}: run the bench from its checkout.");
    }
}
