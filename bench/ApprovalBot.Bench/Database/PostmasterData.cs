using System.Globalization;

namespace ApprovalBot.Bench.Database;

/// <summary>
/// Finds the data folder of the PostgreSQL server listening on a port, from its postmaster's arguments.
/// </summary>
public static class PostmasterData
{
    public static string? Folder(int port)
    {
        var wanted = port.ToString(CultureInfo.InvariantCulture);
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            string[] args;
            try
            {
                args = File.ReadAllText(Path.Combine(process, "cmdline")).Split('\0');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (args.Length > 0 && args[0].EndsWith("/postgres", StringComparison.Ordinal)
                && Value(args, "-p") == wanted && Value(args, "-D") is { } data)
            {
                return data;
            }
        }

        return null;
    }

    private static string? Value(string[] args, string flag)
    {
        var i = Array.IndexOf(args, flag);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
