using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Page;
using ApprovalBot.SlackSandbox.ResponseUrls;
using ApprovalBot.SlackSandbox.WebApi;
using Microsoft.AspNetCore.Hosting.Server;

namespace ApprovalBot.SlackSandbox.Hosting;

/// <summary>
/// Builds the sandbox web app. <c>Program</c> and <see cref="SlackSandboxServer"/> both come
/// through here, so what tests run is what <c>dotnet run</c> serves.
/// </summary>
public static class SandboxApp
{
    /// <summary>
    /// Where <c>dotnet run</c> listens when neither ASPNETCORE_URLS nor --urls says otherwise.
    /// </summary>
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <summary>
    /// Builds the app. Options come from the <c>Sandbox</c> section unless given; invalid options
    /// throw <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming the key.
    /// </summary>
    public static WebApplication Build(
        WebApplicationBuilder builder, SandboxOptions? options = null, TimeProvider? time = null)
    {
        options ??= builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>()
            ?? new SandboxOptions();
        SandboxOptionsValidator.ThrowIfInvalid(options);
        var clock = time ?? TimeProvider.System;
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(sp => new SandboxRuntime(
            options,
            clock,
            new SandboxUrls(options.PublicBaseUrl, sp.GetRequiredService<IServer>),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("ApprovalBot.SlackSandbox")));

        var app = builder.Build();
        var runtime = app.Services.GetRequiredService<SandboxRuntime>();
        WebApiEndpoint.Map(app, runtime);
        ResponseUrlEndpoint.Map(app, runtime);
        PageAssets.Map(app);
        StateEndpoints.Map(app, runtime);
        ActionEndpoints.Map(app, runtime);
        ControlEndpoints.Map(app, runtime);
        app.MapGet("/health/live", () => Results.Json(new { status = "live" }));

        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformationListening(
            runtime.Urls.PublicBaseUrl, runtime.App.BaseUrl?.ToString() ?? "(not set: Sandbox:ApiBaseUrl)"));
        return app;
    }
}
