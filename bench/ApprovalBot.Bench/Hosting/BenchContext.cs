namespace ApprovalBot.Bench.Hosting;

/// <summary>What every stack of one run shares: the run's database, its id, and where logs go.</summary>
public sealed record BenchContext(
    string RepoRoot, string RunId, string LogDirectory, string DatabaseConnectionString)
{
    /// <summary>Shared by the sandbox (which signs) and the Api (which verifies); never a real secret.</summary>
    public const string SigningSecret = "bench-signing-secret-0123456789abcdef";

    public const string BotToken = "xoxb-bench-bot-token";

    public string LogPath(string stack, string role) => Path.Combine(LogDirectory, $"{stack}-{role}.log");
}
