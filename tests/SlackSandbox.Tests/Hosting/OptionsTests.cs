using ApprovalBot.SlackSandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApprovalBot.SlackSandbox.Tests.Hosting;

public sealed class OptionsTests
{
    [Fact]
    public async Task StartAsync_WithoutSigningSecret_StopsNamingTheKey()
    {
        var options = new SandboxOptions { BotToken = "xoxb-x" };

        var act = () => SlackSandboxServer.StartAsync(options);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(act);
        Assert.Contains("Sandbox:SigningSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sandbox__SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WithoutBotToken_StopsNamingTheKey()
    {
        var options = new SandboxOptions { SigningSecret = "secret" };

        var act = () => SlackSandboxServer.StartAsync(options);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(act);
        Assert.Contains("Sandbox:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_FromEnvironmentStyleConfiguration_BindsTheSandboxSection()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Sandbox:SigningSecret"] = "from-config";
        builder.Configuration["Sandbox:BotToken"] = "xoxb-from-config";
        builder.Configuration["Sandbox:ApprovalChannelId"] = "C0OTHER";
        builder.Configuration["Sandbox:Users:0:Id"] = "U0ZED";
        builder.Configuration["Sandbox:Users:0:Name"] = "zed";
        builder.Configuration["urls"] = "http://127.0.0.1:0";

        await using var app = SandboxApp.Build(builder);

        var options = app.Services.GetRequiredService<SandboxOptions>();
        Assert.Equal("C0OTHER", options.ApprovalChannelId);
        Assert.Equal("zed", Assert.Single(options.Users).Name);
        Assert.Equal(SandboxOptions.DefaultTeamId, options.TeamId);
    }

    [Fact]
    public void Build_ConfigurationWithoutSecrets_ThrowsNamingBothKeys()
    {
        var builder = WebApplication.CreateSlimBuilder();

        var act = () => SandboxApp.Build(builder);

        var error = Assert.Throws<OptionsValidationException>(act);
        Assert.Contains("Sandbox:SigningSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sandbox:BotToken", error.Message, StringComparison.Ordinal);
    }
}
