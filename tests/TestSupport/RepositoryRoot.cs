namespace ApprovalBot.TestSupport;

/// <summary>Finds the checkout the tests run from, so they can call its scripts.</summary>
public static class RepositoryRoot
{
    /// <summary>The nearest folder above the test binaries holding ApprovalBot.sln or .git.</summary>
    public static string Find()
    {
        var start = new DirectoryInfo(AppContext.BaseDirectory);
        for (var folder = start; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ApprovalBot.sln"))
                || Directory.Exists(Path.Combine(folder.FullName, ".git"))
                || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ApprovalBot.sln or .git above {AppContext.BaseDirectory}: cannot find the checkout.");
    }
}
