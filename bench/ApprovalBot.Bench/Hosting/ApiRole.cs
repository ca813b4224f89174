using ApprovalBot.Api.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ApprovalBot.Bench.Hosting;

/// <summary>The Api child: exactly the product's Api web app.</summary>
public static class ApiRole
{
    public const string Name = "api";

    public static async Task<int> RunAsync(string[] args)
    {
        ParentWatch.Start();
        await using var app = ApiApp.Build(WebApplication.CreateBuilder(args));
        await app.RunAsync();
        return 0;
    }
}
