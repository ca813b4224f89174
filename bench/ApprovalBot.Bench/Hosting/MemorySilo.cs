using ApprovalBot.Grains;
using ApprovalBot.ServiceDefaults;
using ApprovalBot.Silo.Hosting;
using ApprovalBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Dashboard;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// The upper bound for everything but the database: the product's grains, Slack client, membership and
/// dashboard as <see cref="SiloProgram.BuildAsync"/> wires them, with grain state and reminders kept in
/// memory. Membership stays on PostgreSQL because the Api finds the silo there; it writes a row every few
/// seconds, not per request.
/// </summary>
public static class MemorySilo
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dataSource = NpgsqlDataSource.Create(ConnectionSettings.Runtime(configuration));
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSlackWebApi(configuration);
        builder.Services.AddSingleton<SiloHealth>();
        builder.Services.AddApprovalBotTelemetry(configuration, "approvalbot-silo");
        builder.UseOrleans(silo =>
        {
            silo.UseApprovalBotClustering(configuration, dataSource);
            silo.AddMemoryGrainStorage(SiloSetup.StorageName);
            silo.UseInMemoryReminderService();
            silo.Services.AddApprovalGrains(configuration);
            silo.AddDashboard();
        });

        var app = builder.Build();
        app.MapGet("/health/ready", (SiloHealth health, CancellationToken token) => health.ReadyAsync(token));
        return app;
    }
}
