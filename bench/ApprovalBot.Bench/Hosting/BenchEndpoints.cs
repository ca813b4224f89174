using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// <c>GET /bench/stats[?gc=true]</c> on the silo child: resident and managed memory, activations per grain
/// type and the reminder service's load time. With <c>gc=true</c> a full compacting collection runs first, so
/// the figures show what live objects hold rather than garbage not yet collected.
/// </summary>
public static class BenchEndpoints
{
    public const string StatsPath = "/bench/stats";

    public static void Map(IEndpointRouteBuilder app, ReminderWatch watch) =>
        app.MapGet(StatsPath, async (IGrainFactory grains, bool? gc) =>
        {
            if (gc == true)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            var byType = statistics.GroupBy(s => ShortName(s.GrainType))
                .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
            var memory = GC.GetGCMemoryInfo();
            return Results.Json(new SiloStats(
                ProcStatus.ResidentBytes(Environment.ProcessId),
                GC.GetTotalMemory(forceFullCollection: false),
                memory.TotalCommittedBytes,
                byType.Values.Sum(),
                byType,
                watch.ServiceStartedAfter?.TotalSeconds,
                watch.LocalReminders));
        });

    private static string ShortName(string grainType) =>
        grainType.Split(',')[0].Split('.')[^1];
}
