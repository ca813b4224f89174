using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace ApprovalBot.SlackSandbox.Tests.TestSupport;

/// <summary>One request the fake Api received, byte for byte.</summary>
public sealed record RecordedRequest(
    string Path, string ContentType, byte[] Body, string? Timestamp, string? Signature)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The form fields, decoded the way a correct receiver decodes them.</summary>
    public Dictionary<string, string> Form =>
        QueryHelpers.ParseQuery(BodyText).ToDictionary(f => f.Key, f => f.Value.ToString());

    /// <summary>The interaction payload (<c>payload=</c> form field) as JSON.</summary>
    public JsonObject Payload => JsonNode.Parse(Form["payload"])!.AsObject();
}
