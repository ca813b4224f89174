using System.Diagnostics;

namespace ApprovalBot.Bench.Report;

/// <summary>The commit a run measured, and whether the work tree had changes on top of it.</summary>
public sealed record GitInfo(string Commit, string CommitDate, int ChangedFiles)
{
    public string Short => Commit.Length >= 7 ? Commit[..7] : Commit;

    public string Describe() => ChangedFiles == 0
        ? $"{Commit} ({CommitDate})"
        : $"{Commit} ({CommitDate}) plus {ChangedFiles} uncommitted changed file(s)";

    public static async Task<GitInfo> ReadAsync(string repoRoot)
    {
        var commit = await GitAsync(repoRoot, "rev-parse", "HEAD");
        if (commit is null)
        {
            return new GitInfo("unknown", "not a git checkout", 0);
        }

        var date = await GitAsync(repoRoot, "log", "-1", "--format=%cI") ?? "";
        var status = await GitAsync(repoRoot, "status", "--porcelain") ?? "";
        var changed = status.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return new GitInfo(commit, date, changed);
    }

    private static async Task<string?> GitAsync(string repoRoot, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repoRoot,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var git = Process.Start(start)!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
