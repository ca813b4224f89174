using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// An answer to a Web API call: HTTP status, Slack's JSON body and an optional Retry-After.
/// </summary>
internal sealed record WebApiResult(int StatusCode, JsonObject Body, int? RetryAfterSeconds = null)
{
    public static WebApiResult Ok(JsonObject body)
    {
        var result = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in body)
        {
            result[key] = value?.DeepClone();
        }

        return new WebApiResult(200, result);
    }

    /// <summary>Slack's usual failure: HTTP 200 with <c>{"ok":false,"error":code}</c>.</summary>
    public static WebApiResult Error(string code, string? detail = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = code };
        if (detail is not null)
        {
            body["errors"] = new JsonArray(detail);
            body["response_metadata"] = new JsonObject { ["messages"] = new JsonArray($"[ERROR] {detail}") };
        }

        return new WebApiResult(200, body);
    }

    public static WebApiResult RateLimited(int retryAfterSeconds) => new(
        429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds);

    public static WebApiResult Failure(int statusCode, string code) =>
        new(statusCode, new JsonObject { ["ok"] = false, ["error"] = code });
}
