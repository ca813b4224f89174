namespace ApprovalBot.Deploy.Tests;

/// <summary>docker-compose itself accepts the file, with and without the sandbox profile.</summary>
public sealed class ComposeValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("sandbox")]
    public async Task ComposeFile_ValidatesWithDockerCompose(string profile)
    {
        var executable = DockerComposeCli.FindOrFail();
        var envFile = DockerComposeCli.WriteThrowawayEnvFile();
        string[] arguments = ["-f", RepositoryRoot.File("docker-compose.yml"), "--env-file", envFile];
        if (profile.Length > 0)
        {
            arguments = [.. arguments, "--profile", profile];
        }

        try
        {
            var (exitCode, output) =
                await DockerComposeCli.RunAsync(executable, [.. arguments, "config", "-q"]);

            Assert.True(exitCode == 0, $"docker-compose config -q exited {exitCode}: {output}");
        }
        finally
        {
            File.Delete(envFile);
        }
    }
}
