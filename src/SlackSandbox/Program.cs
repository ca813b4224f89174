using ApprovalBot.SlackSandbox.Hosting;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
WebApplication app;
try
{
    app = SandboxApp.Build(builder);
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"The Slack sandbox cannot start: {e.Message}");
    return 1;
}

await app.RunAsync();
return 0;
