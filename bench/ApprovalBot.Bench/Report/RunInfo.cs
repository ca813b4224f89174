using System.Globalization;
using System.Runtime.InteropServices;

namespace ApprovalBot.Bench.Report;

/// <summary>
/// Where and how a run ran: machine, commit, command line, PostgreSQL, and how busy the machine was.
/// </summary>
public sealed class RunInfo
{
    public required string Mode { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The command as documented (what to type to repeat the run).</summary>
    public required string Command { get; init; }

    /// <summary>The process's own command line.</summary>
    public required string ProcessCommandLine { get; init; }

    public required GitInfo Git { get; init; }

    public required int Cores { get; init; }

    public required long MemoryBytes { get; init; }

    public required string Cpu { get; init; }

    public required string LoadAtStart { get; init; }

    public string LoadAtEnd { get; set; } = "";

    public string Os { get; } = RuntimeInformation.OSDescription;

    public string Runtime { get; } = RuntimeInformation.FrameworkDescription;

    public IReadOnlyList<(string Key, string Value)> Postgres { get; set; } = [];

    public static async Task<RunInfo> CollectAsync(string repoRoot, BenchPlan plan, string[] args) => new()
    {
        Mode = plan.Mode,
        StartedAt = DateTimeOffset.UtcNow,
        Command = "dotnet run -c Release --project bench/ApprovalBot.Bench -- " + string.Join(' ', args),
        ProcessCommandLine = Environment.CommandLine,
        Git = await GitInfo.ReadAsync(repoRoot),
        Cores = Environment.ProcessorCount,
        MemoryBytes = MemInfoKilobytes("MemTotal") * 1024,
        Cpu = CpuModel(),
        LoadAtStart = LoadAverage(),
    };

    /// <summary>
    /// The 1, 5 and 15 minute load averages: on a shared machine they say how much else was running.
    /// </summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])
            : "?";

    private static long MemInfoKilobytes(string key)
    {
        var line = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo")
                .FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
}
