using ApprovalBot.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// The silo child: the product's own Silo web app (<see cref="SiloProgram.BuildAsync"/>), or the same grains
/// on in-memory storage and reminders, plus the bench's collection and reminder settings and a stats
/// endpoint.
/// </summary>
public static class SiloRole
{
    public const string Name = "silo";

    public static async Task<int> RunAsync(string[] args)
    {
        ParentWatch.Start();
        var watch = ReminderWatch.Subscribe();
        var builder = WebApplication.CreateBuilder(args);
        var bench = builder.Configuration.GetSection(BenchSiloOptions.SectionName).Get<BenchSiloOptions>()
            ?? new BenchSiloOptions();
        builder.Services.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionAge = bench.CollectionAge;
            options.CollectionQuantum = bench.CollectionQuantum;
        });
        builder.Services.Configure<ReminderOptions>(
            options => options.MinimumReminderPeriod = bench.MinimumReminderPeriod);

        await using var app = bench.Storage == BenchSiloOptions.Memory
            ? MemorySilo.Build(builder)
            : await SiloProgram.BuildAsync(builder);
        BenchEndpoints.Map(app, watch);
        await app.RunAsync();
        return 0;
    }
}
