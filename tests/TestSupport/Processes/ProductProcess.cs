using System.Diagnostics;

namespace ApprovalBot.TestSupport.Processes;

/// <summary>
/// One ApprovalBot process (Silo or Api) started from the built assembly, as the local scripts start it: all
/// configuration through environment variables, output captured to a file, stopped or killed by its own pid.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ProductProcess(string name, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>ApprovalBot.{project}.dll</c> built next to the test assembly's configuration.</summary>
    public static ProductProcess Start(string name, string project, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(RepositoryRoot.Find(), "src", project, "bin", BuildConfiguration, "net10.0",
            $"ApprovalBot.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first: {dll} is missing.", dll);
        }

        var logs = Path.Combine(RepositoryRoot.Find(), "artifacts", "process-logs");
        Directory.CreateDirectory(logs);
        var logPath = Path.Combine(logs, $"{name}-{DateTime.UtcNow:HHmmssfff}.log");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProductProcess(name, process, log, logPath);
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
