using ApprovalBot.Grains;
using ApprovalBot.Silo.Hosting;
using ApprovalBot.Slack;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace ApprovalBot.TestSupport.Cluster;

/// <summary>
/// Makes a test silo a production silo (real ADO.NET membership, storage and reminders on PostgreSQL, the same
/// grain services) with Slack replaced by the recording fake and, when the context has one, the fake clock.
/// </summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var context = ApprovalTestContext.Get(siloBuilder.Configuration[ApprovalTestContext.ContextKey]);
        siloBuilder.UseApprovalBotMembership(context.DataSource);
        siloBuilder.AddApprovalBotGrains(siloBuilder.Configuration, context.DataSource);
        if (context.UseRealSlackClient)
        {
            siloBuilder.Services.AddSlackWebApi(siloBuilder.Configuration);
        }
        else
        {
            siloBuilder.Services.AddSlackOptions(siloBuilder.Configuration);
            siloBuilder.Services.AddSingleton<ISlackWebApi>(context.Slack);
        }

        siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        if (context.Time is { } time)
        {
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(ApprovalClock.ServiceKey, time);
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, time);
        }

        context.ConfigureSilo?.Invoke(siloBuilder);
    }
}

/// <summary>The test cluster's client finds gateways through the same PostgreSQL membership table.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var context = ApprovalTestContext.Get(configuration[ApprovalTestContext.ContextKey]);
        clientBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = SiloSetup.Invariant;
            options.DataSource = context.DataSource;
        });
        clientBuilder.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
    }
}
