using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// The arguments of one Web API call, read from a JSON or form body. In form bodies Slack
/// carries <c>blocks</c> and <c>view</c> as JSON text, so <see cref="Json"/> parses strings.
/// </summary>
internal sealed class WebApiArgs(JsonObject fields)
{
    public static WebApiArgs? Parse(string contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new WebApiArgs([]);
        }

        if (contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = new JsonObject();
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
            {
                form[key] = value.ToString();
            }

            return new WebApiArgs(form);
        }

        return SandboxJson.TryParse(body) is JsonObject json ? new WebApiArgs(json) : null;
    }

    public bool Has(string name) => fields[name] is not null;

    public string? String(string name) => fields[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public bool Bool(string name) => fields.Bool(name);

    /// <summary>
    /// The field as JSON; a string is parsed. <paramref name="malformed"/> is set when it is not JSON.
    /// </summary>
    public JsonNode? Json(string name, out bool malformed)
    {
        malformed = false;
        var node = fields[name];
        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var parsed = SandboxJson.TryParse(text);
            malformed = parsed is null;
            return parsed;
        }

        return node?.DeepClone();
    }
}
