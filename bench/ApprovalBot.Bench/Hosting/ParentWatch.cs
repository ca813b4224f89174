using System.Diagnostics;
using System.Globalization;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// A child role ends itself when the driver that started it is gone, so a killed or crashed driver never
/// leaves a silo or an Api behind.
/// </summary>
public static class ParentWatch
{
    public const string Variable = "BENCH_PARENT_PID";

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public static void Start()
    {
        var parent = Environment.GetEnvironmentVariable(Variable);
        if (!int.TryParse(parent, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            while (IsAlive(pid))
            {
                await Task.Delay(Period);
            }

            Environment.Exit(3);
        });
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var parent = Process.GetProcessById(pid);
            return !parent.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
