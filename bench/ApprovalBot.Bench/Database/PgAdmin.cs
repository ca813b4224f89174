using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ApprovalBot.Bench.Database;

/// <summary>
/// The admin connection string of the checkout's private PostgreSQL: <c>APPROVALBOT_PG_ADMIN</c> when set (as
/// <c>eval "$(bash scripts/pg.sh env)"</c> sets it), otherwise from <c>scripts/pg.sh start</c> and
/// <c>env</c>.
/// </summary>
public static partial class PgAdmin
{
    public const string Variable = "APPROVALBOT_PG_ADMIN";

    public static async Task<string> ConnectionStringAsync(
        string repoRoot, CancellationToken cancellationToken)
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        await PgScriptAsync(repoRoot, "start", cancellationToken);
        var env = await PgScriptAsync(repoRoot, "env", cancellationToken);
        var match = AdminExport().Match(env);
        return match.Success
            ? match.Groups["value"].Value
            : throw new InvalidOperationException($"scripts/pg.sh env printed no {Variable}.");
    }

    private static async Task<string> PgScriptAsync(string repoRoot, string verb, CancellationToken token)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            WorkingDirectory = repoRoot,
        };
        start.ArgumentList.Add(Path.Combine(repoRoot, "scripts", "pg.sh"));
        start.ArgumentList.Add(verb);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("bash did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException(
                $"scripts/pg.sh {verb} failed with exit code {process.ExitCode}.");
    }

    [GeneratedRegex("^export APPROVALBOT_PG_ADMIN=\"(?<value>[^\"]*)\"$", RegexOptions.Multiline)]
    private static partial Regex AdminExport();
}
