using ApprovalBot.Silo.Database;
using ApprovalBot.ServiceDefaults;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace ApprovalBot.Silo.Hosting;

/// <summary>
/// The Silo process: <c>migrate</c> applies the schema and exits; otherwise it migrates, joins the cluster and serves
/// health and the dashboard. A missing setting or unreachable database ends it with one line naming what to fix.
/// </summary>
public static class SiloProgram
{
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// False when a separate <c>migrate</c> step owns the schema: a least-privileged runtime role cannot read the
    /// migration journal, so a silo given only that role must not migrate at start.
    /// </summary>
    public const string MigrateOnStartKey = "Database:MigrateOnStart";

    private const string DefaultUrl = "http://127.0.0.1:8080";

    public static async Task<int> RunAsync(string[] args)
    {
        var migrateOnly = args.Length > 0 && args[0] == MigrateCommand;
        var word = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);
        if (word && !migrateOnly)
        {
            await Console.Error.WriteLineAsync(
                $"ApprovalBot Silo: unknown command '{args[0]}'. Run it with no command, or with '{MigrateCommand}'.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(migrateOnly ? args[1..] : args);
        try
        {
            if (migrateOnly)
            {
                await MigrateAsync(builder.Configuration, LoggerFor(builder), CancellationToken.None);
                return 0;
            }

            await using var app = await BuildAsync(builder);
            await app.RunAsync();
            return 0;
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync($"ApprovalBot Silo cannot start: {e.Message}");
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"ApprovalBot Silo cannot start: {string.Join(" ", e.Failures)}");
            return 2;
        }
    }

    /// <summary>Builds the Silo's web application with Orleans inside; tests use it to host a real Silo.</summary>
    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var access = configuration.GetSection(DashboardAccessOptions.SectionName).Get<DashboardAccessOptions>()
            ?? new();
        DashboardGuard.EnsureSafe((configuration["urls"] ?? DefaultUrl).Split(';'), access);

        var dataSource = ConnectionSettings.RuntimeDataSource(configuration);
        if (configuration.GetValue(MigrateOnStartKey, true))
        {
            await MigrateAsync(configuration, LoggerFor(builder), CancellationToken.None);
        }

        await ConnectionSettings.EnsureReachableAsync(dataSource, ConnectionSettings.RuntimeKey);

        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSlackWebApi(configuration);
        builder.Services.AddSingleton<SiloHealth>();
        builder.Services.AddApprovalBotTelemetry(configuration, "approvalbot-silo");
        builder.UseOrleans(silo => silo
            .UseApprovalBotClustering(configuration, dataSource)
            .AddApprovalBotGrains(configuration, dataSource));

        var app = builder.Build();
        StartupValidation.ValidateOptions(app.Services);
        app.UseDashboardGuard(access);
        app.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        app.MapGet("/health/ready", (SiloHealth health, CancellationToken token) => health.ReadyAsync(token));
        app.MapOrleansDashboard(DashboardGuard.PathPrefix);
        app.MapAdminEndpoints(access);
        return app;
    }

    private static async Task MigrateAsync(IConfiguration configuration, ILogger logger, CancellationToken token)
    {
        var runtime = ConnectionSettings.Runtime(configuration);
        var admin = ConnectionSettings.Admin(configuration);
        try
        {
            await SchemaMigrator.MigrateAsync(admin ?? runtime, admin is null ? null : runtime,
                createDatabaseIfMissing: admin is not null, logger, token);
        }
        catch (SchemaMigrationException e)
        {
            throw new StartupException(e.Message, e);
        }
    }

    private static ILogger LoggerFor(WebApplicationBuilder builder) =>
        LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)).CreateLogger("ApprovalBot.Silo.Migrations");
}
