using System.Text.RegularExpressions;
using ApprovalBot.TestSupport;

namespace ApprovalBot.Conventions.Tests;

/// <summary>The parts of STYLE that a test can hold in place: line width and unique log event ids.</summary>
public sealed partial class SourceConventionTests
{
    private const int MaxLineLength = 120;
    private static readonly string[] ProjectFolders = ["src", "tests", "bench"];

    [Fact]
    public void SourceFiles_EveryLine_AtMost120Columns()
    {
        var offenders = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => l.line.Length > MaxLineLength)
            .Select(l => $"{Relative(l.file)}:{l.number} ({l.line.Length} columns)")
            .ToList();

        Assert.True(offenders.Count == 0, "Lines over 120 columns:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void LogEvents_EventIds_AreUniqueAcrossTheProduct()
    {
        var ids = SourceFiles("src")
            .SelectMany(file => EventIdPattern().Matches(File.ReadAllText(file))
                .Select(m => (id: m.Groups["id"].Value, file: Relative(file))))
            .GroupBy(e => e.id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.file))}")
            .ToList();

        Assert.True(ids.Count == 0, "Log event ids used more than once:\n" + string.Join("\n", ids));
    }

    [Fact]
    public void SourceFiles_NoMarkersOfUnfinishedWork()
    {
        var markers = SourceFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => UnfinishedPattern().IsMatch(l.line))
            .Select(l => $"{Relative(l.file)}:{l.number}")
            .ToList();

        Assert.True(markers.Count == 0, "Unfinished work or skipped tests:\n" + string.Join("\n", markers));
    }

    [Fact]
    public void Solution_EveryProject_IsListed()
    {
        var repo = RepositoryRoot.Find();
        var solution = File.ReadAllText(Path.Combine(repo, "ApprovalBot.sln"));
        var missing = ProjectFolders
            .SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(repo, folder), "*.csproj", SearchOption.AllDirectories))
            .Select(Path.GetFileName)
            .Where(name => !solution.Contains(name!, StringComparison.Ordinal))
            .ToList();

        // The test script builds the solution once and runs every test project without building it again.
        Assert.True(missing.Count == 0, "Projects missing from ApprovalBot.sln: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> SourceFiles(params string[] roots)
    {
        var repo = RepositoryRoot.Find();
        var folders = roots.Length > 0 ? roots : ProjectFolders;
        var separator = Path.DirectorySeparatorChar;
        return folders
            .SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(repo, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal));
    }

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.Find(), file);

    [GeneratedRegex(@"EventId\s*=\s*(?<id>\d+)")]
    private static partial Regex EventIdPattern();

    // Built from parts so this file does not match itself.
    [GeneratedRegex("(TO" + "DO|FIX" + "ME|HA" + "CK\\b|NotImplemented" + "Exception|Skip\\s*=\\s*\")")]
    private static partial Regex UnfinishedPattern();
}
