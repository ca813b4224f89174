using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ApprovalBot.Deploy.Tests;

/// <summary>Runs Debian's docker-compose on the compose file; it needs no Docker engine.</summary>
public static partial class DockerComposeCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The docker-compose binary on PATH; its absence fails the test, never skips it.</summary>
    public static string FindOrFail() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, "docker-compose"))
            .FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException(
            "docker-compose is not on PATH, so the compose file cannot be validated. "
            + "scripts/test.sh installs it; by hand (as root): apt-get install docker-compose");

    /// <summary>
    /// deploy/.env.example with every empty (required) value filled by a throwaway one: a variable the
    /// compose file requires but the example forgets then fails validation, as it would fail an operator.
    /// </summary>
    public static string WriteThrowawayEnvFile()
    {
        var example = RepositoryRoot.ReadAllText("deploy", ".env.example");
        var path = Path.Combine(Path.GetTempPath(), $"approvalbot-compose-{Guid.NewGuid():N}.env");
        File.WriteAllText(path, EmptyValue().Replace(example, "${name}=validate-only"));
        return path;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    [GeneratedRegex(@"^(?<name>[A-Z][A-Z0-9_]*)=$", RegexOptions.Multiline)]
    private static partial Regex EmptyValue();
}
