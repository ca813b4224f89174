namespace ApprovalBot.Deploy.Tests;

/// <summary>The repository's docker-compose.yml against the deployment rules.</summary>
public sealed class ComposeFileTests
{
    private readonly ComposeDocument _compose = ComposeDocument.Load();

    [Fact]
    public void ComposeFile_Services_NoTwoPublishTheSameHostPort()
    {
        var published = _compose.Services.Values.SelectMany(ComposeDocument.Ports).Count(p => p.IsPublished);

        var clashes = ComposeRules.HostPortClashes(_compose);

        Assert.True(published >= 3, $"expected the Api, a dashboard and the sandbox, found {published}");
        Assert.Empty(clashes);
    }

    [Fact]
    public void ComposeFile_Dependencies_HaveHealthChecks()
    {
        var dependents = _compose.Services.Values
            .Count(s => ComposeDocument.Child(s, "depends_on") is not null);

        var violations = ComposeRules.UncheckedDependencies(_compose);

        Assert.True(dependents >= 4, $"expected migrate, two silos and the Api to wait, found {dependents}");
        Assert.Empty(violations);
    }

    [Fact]
    public void ComposeFile_NoSecretLiterals()
    {
        var inspected = ComposeRules.SecretValueCount(_compose);

        var violations = ComposeRules.SecretLiterals(_compose);

        Assert.True(inspected >= 8, $"expected passwords, tokens and secrets to inspect, found {inspected}");
        Assert.Empty(violations);
    }

    [Fact]
    public void ComposeFile_DashboardPublishedOnLoopbackOnly()
    {
        var dashboards = ComposeRules.SiloServices(_compose)
            .SelectMany(s => ComposeDocument.Ports(s.Value))
            .Where(p => p.ContainerPort == "8080" && p.IsPublished)
            .ToList();

        var violations = ComposeRules.SiloPortsBeyondLoopback(_compose);

        Assert.Single(dashboards);
        Assert.Equal("127.0.0.1", dashboards[0].HostIp);
        Assert.Empty(violations);
    }

    [Fact]
    public void ComposeFile_Silos_UseRuntimeRoleWithoutMigrating()
    {
        var silos = ComposeRules.SiloServices(_compose)
            .Where(s => ComposeDocument.Child(s.Value, "command") is null)
            .Select(s => (s.Key, Environment: ComposeDocument.Environment(s.Value)))
            .ToList();

        var wrong = silos.Where(s => s.Environment.ContainsKey("ConnectionStrings__ApprovalBotAdmin")
                || s.Environment.GetValueOrDefault("Database__MigrateOnStart") != "false"
                || !s.Environment.GetValueOrDefault("ConnectionStrings__ApprovalBot", "")
                    .Contains("Username=approvalbot_app;", StringComparison.Ordinal))
            .Select(s => s.Key);

        Assert.Equal(2, silos.Count);
        Assert.Empty(wrong);
    }
}
