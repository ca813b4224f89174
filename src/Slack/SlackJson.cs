using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ApprovalBot.Slack;

/// <summary>
/// The one place where C# names become Slack's snake_case field names
/// (https://api.slack.com/reference/block-kit and the payload reference pages).
/// </summary>
public static class SlackJson
{
    /// <summary>
    /// Serializer options for everything sent to or read from Slack: snake_case, nulls omitted on write,
    /// unknown fields ignored on read, and missing required fields or nulls in non-nullable members
    /// rejected on read so a malformed payload fails parsing instead of surfacing as a null later.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
