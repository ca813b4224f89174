using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// A role of this program running as a child process, its output appended to a log file. The shell only
/// redirects and then <c>exec</c>s, so the child keeps the pid we hold and <c>/proc/&lt;pid&gt;/status</c> is
/// its own. Every child is stopped by its pid when the driver ends, whichever way it ends.
/// </summary>
public sealed class ChildProcess
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;

    private ChildProcess(Process process, string name, string logPath)
    {
        _process = process;
        Name = name;
        LogPath = logPath;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(
        string name, string role, IReadOnlyDictionary<string, string> environment, string logPath,
        IEnumerable<string> arguments)
    {
        var (program, prefix) = SelfCommand();
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$BENCH_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add(program);
        foreach (var argument in prefix.Concat([BenchProgram.RoleFlag, role]).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BENCH_LOG"] = logPath;
        start.Environment[ParentWatch.Variable] =
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        Running[process.Id] = process;
        return new ChildProcess(process, name, logPath);
    }

    /// <summary>Resident set size from <c>/proc/&lt;pid&gt;/status</c> (VmRSS).</summary>
    public long ResidentBytes() => ProcStatus.ResidentBytes(Id);

    /// <summary>SIGTERM (a graceful host shutdown), then SIGKILL after <paramref name="grace"/>.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan grace)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        Running.TryRemove(Id, out _);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Last resort on the way out: kills, by pid, every child still running.</summary>
    public static void KillAll()
    {
        foreach (var (pid, process) in Running)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            Running.TryRemove(pid, out _);
        }
    }

    // Run as an apphost the program starts itself; run as "dotnet x.dll" it needs the dll again.
    private static (string Program, string[] Prefix) SelfCommand()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [typeof(ChildProcess).Assembly.Location])
            : (path, []);
    }
}
