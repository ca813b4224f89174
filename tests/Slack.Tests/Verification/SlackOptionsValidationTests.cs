using ApprovalBot.Slack.Verification;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Slack.Tests.Verification;

public sealed class SlackOptionsValidationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddSlackVerification_NoSigningSecret_HostRefusesToStartNamingTheKey(string? secret)
    {
        using var host = Host(services => services.AddSlackVerification, ("Slack:SigningSecret", secret));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSlackVerification_SigningSecretSet_HostStarts()
    {
        using var host = Host(services => services.AddSlackVerification, ("Slack:SigningSecret", "s3cret"));

        await host.StartAsync();

        Assert.NotNull(host.Services.GetRequiredService<SlackRequestVerifier>());
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task AddSlackWebApi_NoBotToken_HostRefusesToStartNamingTheKey(string? token)
    {
        using var host = Host(services => services.AddSlackWebApi, ("Slack:BotToken", token));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSlackWebApi_ApiBaseUrlNotHttp_HostRefusesToStart()
    {
        using var host = Host(
            services => services.AddSlackWebApi,
            ("Slack:BotToken", "xoxb-1"),
            ("Slack:ApiBaseUrl", "ftp://x/"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Slack:ApiBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBoth_ValidationMessage_NamesEveryMissingKey()
    {
        var builder = EmptyBuilder();
        builder.Services.AddSlackVerification(builder.Configuration).AddSlackWebApi(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBoth_ResponseUrlHosts_BoundOnce()
    {
        var builder = EmptyBuilder(
            ("Slack:SigningSecret", "s"),
            ("Slack:BotToken", "xoxb-1"),
            ("Slack:ResponseUrlHosts:0", "hooks.slack.com"),
            ("Slack:ResponseUrlHosts:1", "x:1"));
        builder.Services.AddSlackVerification(builder.Configuration).AddSlackWebApi(builder.Configuration);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal(["hooks.slack.com", "x:1"], options.EffectiveResponseUrlHosts);
    }

    [Fact]
    public void AddSlackVerification_GivenTheSlackSectionItself_BindsIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("Slack:SigningSecret", (string?)"from-section")])
            .Build();
        using var services = new ServiceCollection()
            .AddSlackVerification(configuration.GetSection("Slack"))
            .BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal("from-section", options.SigningSecret);
    }

    private static IHost Host(
        Func<IServiceCollection, Func<IConfiguration, IServiceCollection>> register,
        params (string Key, string? Value)[] settings)
    {
        var builder = EmptyBuilder(settings);
        register(builder.Services)(builder.Configuration);
        return builder.Build();
    }

    // An empty builder reads no environment variables, so a Slack__SigningSecret set on the machine
    // cannot make these tests pass or fail.
    private static HostApplicationBuilder EmptyBuilder(params (string Key, string? Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        return builder;
    }
}
