using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// Dispatches payload JSON on its <c>type</c> (https://api.slack.com/reference/interaction-payloads).
/// </summary>
internal static class InteractionPayloadParser
{
    public static bool TryParse(
        string json,
        [NotNullWhen(true)] out InteractionPayload? payload,
        [NotNullWhen(false)] out string? error)
    {
        payload = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                error = "payload is not an object with a string type";
                return false;
            }

            var parsed = Deserialize(root, type.GetString()!);
            error = Validate(parsed);
            payload = error is null ? parsed : null;
            return payload is not null;
        }
        // InvalidOperationException: a string with a lone surrogate escape (\ud800) cannot be read as text.
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            payload = null;
            error = "payload is malformed: " + OneLine(exception.Message);
            return false;
        }
    }

    // The parser's messages quote property names from the payload, which may hold line breaks meant to
    // forge a log line; the error is logged, so it is kept to one line.
    private static string OneLine(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    private static InteractionPayload Deserialize(JsonElement root, string type) => type switch
    {
        BlockActionsPayload.TypeName => Read<BlockActionsPayload>(root),
        ViewSubmissionPayload.TypeName => Read<ViewSubmissionPayload>(root),
        ViewClosedPayload.TypeName => Read<ViewClosedPayload>(root),
        _ => new UnknownInteractionPayload(type),
    };

    private static T Read<T>(JsonElement root) =>
        root.Deserialize<T>(SlackJson.Options) ?? throw new JsonException($"{typeof(T).Name} is null.");

    // Collection elements are outside the reach of RespectNullableAnnotations, so a null inside `actions`
    // would otherwise surface later as a NullReferenceException in a handler.
    private static string? Validate(InteractionPayload payload) => payload switch
    {
        BlockActionsPayload { Actions.Count: 0 } => "block_actions payload has no actions",
        BlockActionsPayload actions when actions.Actions.Any(a => a is null) =>
            "block_actions payload has a null action",
        _ => null,
    };
}
