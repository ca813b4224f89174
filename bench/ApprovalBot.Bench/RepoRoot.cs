namespace ApprovalBot.Bench;

/// <summary>
/// The checkout this program was built in: the folder holding ApprovalBot.sln above its binaries.
/// </summary>
public static class RepoRoot
{
    public static string Find()
    {
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
