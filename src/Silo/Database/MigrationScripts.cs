using System.Reflection;
using DbUp.Engine;

namespace ApprovalBot.Silo.Database;

/// <summary>The SQL migrations embedded in this assembly, named by file name and ordered by it.</summary>
internal static class MigrationScripts
{
    private const string FolderMarker = ".Migrations.";
    private const string Extension = ".sql";

    /// <summary>
    /// Scripts are journaled under their file name (<c>0001_orleans_query_table.sql</c>), not the
    /// manifest resource name, so renaming the assembly or namespace never re-runs them.
    /// </summary>
    public static IReadOnlyList<SqlScript> Load()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(Extension, StringComparison.Ordinal)
                && name.Contains(FolderMarker, StringComparison.Ordinal))
            .Select(name => (Resource: name, FileName: FileNameOf(name)))
            .OrderBy(script => script.FileName, StringComparer.Ordinal)
            .Select(script => new SqlScript(script.FileName, Read(assembly, script.Resource)))
            .ToList();
    }

    private static string FileNameOf(string resourceName)
    {
        var folderStart = resourceName.LastIndexOf(FolderMarker, StringComparison.Ordinal);
        return resourceName[(folderStart + FolderMarker.Length)..];
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded migration {resourceName} cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
