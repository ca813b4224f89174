using ApprovalBot.Api.Cluster;
using ApprovalBot.Api.Commands;
using ApprovalBot.Api.Interactions;
using ApprovalBot.ServiceDefaults;
using ApprovalBot.Slack.WebApi;
using ApprovalBot.Slack.Verification;
using Npgsql;

namespace ApprovalBot.Api.Hosting;

/// <summary>
/// The Api: Slack's front door. Verifies every request, parses it, asks the grains within the budget and always
/// answers in time. The program and the tests build it through <see cref="Build"/>.
/// </summary>
public static class ApiApp
{
    public const string SlackPrefix = "/slack";

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => o.GrainCallBudget > TimeSpan.Zero && o.GrainCallBudget < TimeSpan.FromSeconds(3),
                "Api:GrainCallBudget must be a duration (hh:mm:ss) between 0 and 3 seconds, Slack's limit.")
            .ValidateOnStart();
        services.AddSlackVerification(configuration);
        services.AddSlackWebApi(configuration);
        services.AddSingleton(NpgsqlDataSource.Create(RuntimeConnectionString(configuration)));
        services.AddSingleton<ClusterConnection>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterConnection>());
        services.AddSingleton<EphemeralReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<EphemeralReplies>());
        services.AddSingleton<GrainCalls>();
        services.AddSingleton<RequestViews>();
        services.AddSingleton<CommandEndpoint>();
        services.AddSingleton<InteractionEndpoint>();
        services.AddSingleton<DenyModalFlow>();
        services.AddSingleton<ApiHealth>();
        services.AddApprovalBotTelemetry(configuration, "approvalbot-api");

        var app = builder.Build();
        StartupValidation.ValidateOptions(app.Services);
        app.UseSlackSafetyNet(SlackPrefix);
        app.UseSlackVerification(SlackPrefix);
        app.MapPost(SlackPrefix + "/commands", (CommandEndpoint endpoint, HttpContext context) =>
            endpoint.HandleAsync(context));
        app.MapPost(SlackPrefix + "/interactions", (InteractionEndpoint endpoint, HttpContext context) =>
            endpoint.HandleAsync(context));
        app.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        app.MapGet("/health/ready", (ApiHealth health, CancellationToken token) => health.ReadyAsync(token));
        return app;
    }

    private static string RuntimeConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("ApprovalBot") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ConnectionStrings:ApprovalBot is not set: the Api finds silos through PostgreSQL " +
                "(environment variable ConnectionStrings__ApprovalBot).");
}
