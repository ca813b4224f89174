namespace ApprovalBot.Deploy.Tests;

/// <summary>The checkout under test: the first directory above the test binaries with ApprovalBot.sln.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public static string ReadAllText(params string[] parts) => System.IO.File.ReadAllText(File(parts));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "ApprovalBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ApprovalBot.sln above {AppContext.BaseDirectory}.");
    }
}
