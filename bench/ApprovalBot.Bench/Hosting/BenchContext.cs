using ApprovalBot.Bench.Database;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// What every stack of one run shares: the run's database (and its oid, to find its share of the WAL), the
/// run's id, and where logs go.
/// </summary>
public sealed record BenchContext(
    string RepoRoot, string RunId, string LogDirectory, string DatabaseConnectionString, uint DatabaseOid,
    WalDump? Wal)
{
    /// <summary>
    /// Shared by the sandbox (which signs) and the Api (which verifies); never a real secret.
    /// </summary>
    public const string SigningSecret = "bench-signing-secret-0123456789abcdef";

    public const string BotToken = "xoxb-bench-bot-token";

    public string LogPath(string stack, string role) => Path.Combine(LogDirectory, $"{stack}-{role}.log");
}
