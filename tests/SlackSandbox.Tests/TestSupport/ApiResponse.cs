using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.Tests.TestSupport;

/// <summary>A Web API answer as the bot would see it.</summary>
public sealed record ApiResponse(int StatusCode, JsonObject Body, HttpResponseHeaders Headers)
{
    public bool Ok => Body["ok"]?.GetValue<bool>() == true;

    public string? Error => Body["error"]?.GetValue<string>();

    public string Ts => Body["ts"]!.GetValue<string>();
}
