using System.Diagnostics;

namespace ApprovalBot.TestSupport;

/// <summary>Runs <c>scripts/pg.sh</c> of this checkout.</summary>
public static class PgScript
{
    // A first start may install PostgreSQL from Debian's packages.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>scripts/pg.sh {command}</c>; returns its exit code and what it printed.</summary>
    public static async Task<PgScriptResult> RunAsync(
        string command, CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Find();
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "pg.sh"));
        start.ArgumentList.Add(command);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("bash could not be started to run scripts/pg.sh.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/pg.sh {command} did not finish within {Timeout}.");
        }

        return new PgScriptResult(process.ExitCode, await output, await error);
    }

    /// <summary>Like <see cref="RunAsync"/>, but a non-zero exit throws with what the script said.</summary>
    public static async Task<string> RunCheckedAsync(
        string command, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(command, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/pg.sh {command} exited with {result.ExitCode}: {result.Error}{result.Output}");
        }

        return result.Output;
    }
}

/// <summary>The exit code and output of one <c>scripts/pg.sh</c> run.</summary>
public sealed record PgScriptResult(int ExitCode, string Output, string Error);
