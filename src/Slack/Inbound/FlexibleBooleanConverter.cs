using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// Reads <c>is_enterprise_install</c>, which Slack sends as a JSON boolean in some payloads and as the string
/// <c>"true"</c>/<c>"false"</c> in others (https://api.slack.com/enterprise/org-ready-apps); null reads as
/// false.
/// </summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            JsonTokenType.String => reader.ValueTextEquals("true"u8),
            _ => throw new JsonException("Expected a boolean or the string \"true\" or \"false\"."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteBooleanValue(value);
}
