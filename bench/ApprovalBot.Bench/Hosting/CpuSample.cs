using System.Globalization;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// CPU time used so far by named groups of processes (from <c>/proc/&lt;pid&gt;/stat</c>) and by the whole
/// machine (<c>/proc/stat</c>). Two samples give each group's CPU time over an interval, which says where the
/// cores went, and how busy the shared machine was meanwhile.
/// </summary>
public sealed record CpuSample(
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>> Groups, long MachineBusy, long MachineTotal)
{
    /// <summary>The kernel's USER_HZ: /proc reports CPU time in hundredths of a second on Linux.</summary>
    private const double TicksPerSecond = 100;

    public static CpuSample Take(IReadOnlyDictionary<string, IReadOnlyList<int>> groups)
    {
        var (busy, total) = Machine();
        var ticks = groups.ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<int, long>)g.Value.Distinct().ToDictionary(pid => pid, ProcessTicks));
        return new CpuSample(ticks, busy, total);
    }

    /// <summary>CPU seconds per group between <paramref name="before"/> and this sample.</summary>
    public CpuUse Since(CpuSample before)
    {
        // A process gone by now reads as 0 and is left out; one started meanwhile counts from 0.
        var seconds = Groups.ToDictionary(g => g.Key, g =>
        {
            var earlier = before.Groups.GetValueOrDefault(g.Key);
            var used = g.Value.Where(p => p.Value > 0)
                .Sum(p => Math.Max(0, p.Value - (earlier?.GetValueOrDefault(p.Key) ?? 0)));
            return used / TicksPerSecond;
        });
        var total = MachineTotal - before.MachineTotal;
        return new CpuUse(seconds, total == 0 ? 0 : (double)(MachineBusy - before.MachineBusy) / total);
    }

    private static long ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture)
                + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static (long Busy, long Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        var total = cpu.Take(8).Sum();
        return (total - idle, total);
    }
}

/// <summary>
/// CPU seconds per group over an interval, and the machine's busy fraction (all of its users).
/// </summary>
public sealed record CpuUse(IReadOnlyDictionary<string, double> Seconds, double MachineBusy);
