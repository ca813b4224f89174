namespace ApprovalBot.Deploy.Tests;

/// <summary>The compose rules catch what they exist for, so their passing on the real file means something.
/// </summary>
public sealed class ComposeRulesTests
{
    [Fact]
    public void HostPortClashes_SamePortTwice_Reported()
    {
        var compose = ComposeDocument.Parse("""
            services:
              a: { ports: ["127.0.0.1:${A_PORT:-8080}:8080"] }
              b: { ports: [{ target: 80, published: 8080 }] }
              c: { ports: ["9000"] }
            """);

        var clashes = ComposeRules.HostPortClashes(compose);

        Assert.Equal(["host port 8080/tcp published by a, b"], clashes);
    }

    [Fact]
    public void UncheckedDependencies_HealthyWithoutHealthCheck_Reported()
    {
        var compose = ComposeDocument.Parse("""
            services:
              db: { image: postgres:15 }
              job: { image: x, restart: always }
              app:
                depends_on:
                  db: { condition: service_healthy }
                  job: { condition: service_completed_successfully }
              web: { depends_on: [app] }
            """);

        var violations = ComposeRules.UncheckedDependencies(compose);

        Assert.Equal(3, violations.Count);
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD: hunter2")]
    [InlineData("Slack__BotToken: ${SLACK_BOT_TOKEN:-xoxb-default}")]
    [InlineData("ConnectionStrings__ApprovalBot: Host=db;Username=app;Password=hunter2")]
    [InlineData("ConnectionStrings__ApprovalBot: Host=db;Password=${PW:-hunter2};Database=x")]
    public void SecretLiterals_LiteralOrDefaultedSecret_Reported(string entry)
    {
        const string Service = "services:\n  app:\n    environment:\n";
        var compose = ComposeDocument.Parse($"{Service}      {entry}\n");
        var listEntry = entry.Replace(": ", "=", StringComparison.Ordinal);
        var listForm = ComposeDocument.Parse($"{Service}      - \"{listEntry}\"\n");

        var violations = ComposeRules.SecretLiterals(compose);
        var listViolations = ComposeRules.SecretLiterals(listForm);

        Assert.Single(violations);
        Assert.Single(listViolations);
    }

    [Fact]
    public void SiloPortsBeyondLoopback_AllInterfaces_Reported()
    {
        var compose = ComposeDocument.Parse("""
            services:
              silo:
                build: { context: ., dockerfile: deploy/docker/Silo.Dockerfile }
                ports: ["8080:8080", "127.0.0.1:8081:8080"]
            """);

        var violations = ComposeRules.SiloPortsBeyondLoopback(compose);

        Assert.Equal(["silo publishes container port 8080 on ''"], violations);
    }
}
