using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.Hosting;

/// <summary>How the sandbox writes JSON: compact and with characters unescaped, as Slack sends it.</summary>
internal static class SandboxJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    public static async Task WriteAsync(HttpResponse response, int statusCode, JsonNode body)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        await response.WriteAsync(Write(body), response.HttpContext.RequestAborted);
    }

    /// <summary>Parses JSON text, returning null instead of throwing on malformed input.</summary>
    public static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The node's text when it is a JSON string, else its JSON form.</summary>
    public static string AsString(this JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    public static bool Bool(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v
        && ((v.TryGetValue<bool>(out var b) && b)
            || (v.TryGetValue<string>(out var s) && string.Equals(s, "true", StringComparison.Ordinal)));
}
