using System.Diagnostics;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// Runs PostgreSQL's programs (and openssl) for a server a test owns. Root runs them as the postgres OS user,
/// which initdb and the server insist on; anyone else runs them as themselves, like <c>scripts/pg.sh</c>.
/// </summary>
public static class ServerPrograms
{
    public const string OsUser = "postgres";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// The folder holding initdb and pg_ctl: pg_config's answer, else the newest Debian install.
    /// </summary>
    public static string FindBinFolder()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var major) ? major : 0)
                .Select(version => Path.Combine(version, "bin"))
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL's programs (initdb, pg_ctl) were not found under /usr/lib/postgresql; " +
                "run scripts/pg.sh start once as root to install them.");
    }

    /// <summary>Runs <paramref name="program"/>; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(IsRoot ? "runuser" : program)
        {
            // The postgres user cannot enter the checkout; a neutral folder avoids "could not change
            // directory".
            WorkingDirectory = "/",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            foreach (var prefix in new[] { "-u", OsUser, "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {Timeout}.");
        }

        var said = await output + await error;
        return process.ExitCode == 0
            ? said
            : throw new InvalidOperationException($"{Path.GetFileName(program)} " +
                $"{string.Join(' ', arguments)} exited with {process.ExitCode}: {said}");
    }

    /// <summary>Where openssl is, or null when it is not installed.</summary>
    public static string? FindOpenSsl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Select(folder => Path.Combine(folder, "openssl"))
            .FirstOrDefault(File.Exists);
}
