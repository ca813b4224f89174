using ApprovalBot.ServiceDefaults;
using ApprovalBot.Silo.Hosting;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ApprovalBot.Api.Tests.Approvers;

/// <summary>
/// A silo wired as production wires it (membership, grains, options validated at start) must refuse to start
/// when nobody may decide, and say which keys would fix it. Nothing here is started, so no database is
/// needed.
/// </summary>
public sealed class ApproverStartupTests
{
    [Fact]
    public void Silo_WithoutAnyApproverRule_RefusesToStartNamingTheKeys()
    {
        using var dataSource = NeverOpenedDataSource();
        using var host = BuildSilo(dataSource, []);

        var refusal = Assert.Throws<OptionsValidationException>(
            () => StartupValidation.ValidateOptions(host.Services));

        var failure = Assert.Single(
            refusal.Failures, f => f.Contains("approver", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Approval:Approvers", failure, StringComparison.Ordinal);
        Assert.Contains("Approval:ApproverGroupId", failure, StringComparison.Ordinal);
        Assert.Contains("Approval:AnyChannelMemberMayApprove", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Approval:Approvers:0", "U0BOB")]
    [InlineData("Approval:ApproverGroupId", "S0APPROVERS")]
    [InlineData("Approval:AnyChannelMemberMayApprove", "true")]
    public void Silo_WithOneApproverRule_PassesStartupValidation(string key, string value)
    {
        using var dataSource = NeverOpenedDataSource();
        using var host = BuildSilo(dataSource, new() { [key] = value });

        var exception = Record.Exception(() => StartupValidation.ValidateOptions(host.Services));

        Assert.Null(exception);
    }

    /// <summary>
    /// The Slack settings a silo needs, and <paramref name="approval"/>; as SiloProgram wires it.
    /// </summary>
    private static IHost BuildSilo(NpgsqlDataSource dataSource, Dictionary<string, string?> approval)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Configuration = new ConfigurationManager(),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:ApprovalChannelId"] = "C0APPROVALS",
            ["Slack:BotToken"] = "xoxb-startup-test",
        });
        builder.Configuration.AddInMemoryCollection(approval);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSlackWebApi(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseApprovalBotMembership(dataSource)
            .AddApprovalBotGrains(builder.Configuration, dataSource));
        return builder.Build();
    }

    private static NpgsqlDataSource NeverOpenedDataSource() =>
        NpgsqlDataSource.Create("Host=127.0.0.1;Database=never_opened");
}
