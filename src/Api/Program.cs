using ApprovalBot.Api.Hosting;
using Microsoft.Extensions.Options;

try
{
    var app = ApiApp.Build(WebApplication.CreateBuilder(args));
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"ApprovalBot Api cannot start: {string.Join(" ", e.Failures)}");
    return 2;
}
catch (InvalidOperationException e) when (e.Message.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync($"ApprovalBot Api cannot start: {e.Message}");
    return 2;
}
