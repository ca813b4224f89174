namespace ApprovalBot.Deploy.Tests;

/// <summary>deploy/docker/*.Dockerfile: how the images are built and what they run as.</summary>
public sealed class DockerfileTests
{
    private readonly IReadOnlyList<Dockerfile> _dockerfiles = Dockerfile.LoadAll();

    [Fact]
    public void Dockerfiles_RunAsNonRootUser()
    {
        var names = _dockerfiles.Select(d => d.Name);

        var violations = _dockerfiles.SelectMany(DockerfileRules.RootUser);

        Assert.Equal(["Api.Dockerfile", "Sandbox.Dockerfile", "Silo.Dockerfile"], names);
        Assert.Empty(violations);
    }

    [Fact]
    public void Dockerfiles_NoSecretsBaked()
    {
        var assignments = _dockerfiles.SelectMany(d => d.Instructions)
            .Where(i => i.Keyword is "ENV" or "ARG").SelectMany(DockerfileRules.Assignments).Count();

        var violations = _dockerfiles.SelectMany(DockerfileRules.BakedSecrets);

        Assert.True(assignments >= 3, $"expected ENV settings to inspect, found {assignments}");
        Assert.Empty(violations);
    }

    [Fact]
    public void Dockerfiles_Stages_BuildOnSdkAndRunOnAspnet()
    {
        var bases = _dockerfiles.Select(d => d.Stages
            .Select(s => s[0].Arguments.Split(' ')[0]).ToList());

        var publishes = _dockerfiles.Select(d => d.Instructions
            .Any(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)
                && i.Arguments.Contains("-c Release", StringComparison.Ordinal)));

        Assert.All(bases, stages => Assert.Equal(
            ["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages));
        Assert.All(publishes, Assert.True);
    }

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"dotnet\", \"x.dll\"]\n")]
    [InlineData("FROM sdk AS build\nUSER app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER 0\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\nUSER root\n")]
    public void RootUser_FinalStageAsRoot_Reported(string text)
    {
        var dockerfile = Dockerfile.Parse("Test.Dockerfile", text);

        var violations = DockerfileRules.RootUser(dockerfile);

        Assert.Single(violations);
    }

    [Theory]
    [InlineData("ENV Slack__BotToken=xoxb-1")]
    [InlineData("ENV A=1 \\\n    DASHBOARD_PASSWORD=\"pw\"")]
    [InlineData("ENV ConnectionStrings__ApprovalBot Host=db;Password=pw")]
    [InlineData("ARG SIGNING_SECRET=abc")]
    public void BakedSecrets_SecretWithValue_Reported(string instruction)
    {
        var dockerfile = Dockerfile.Parse("Test.Dockerfile", $"FROM scratch\n{instruction}\nUSER app\n");

        var violations = DockerfileRules.BakedSecrets(dockerfile);

        Assert.Single(violations);
    }
}
