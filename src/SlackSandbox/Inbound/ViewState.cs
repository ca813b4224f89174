using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// Builds a view's <c>state.values</c> from what the user entered, keyed by block id then
/// action id as Slack does. Entries are matched by block id first, then by action id; an input
/// left blank keeps its <c>initial_value</c>. Reports required inputs left empty, which Slack's
/// client refuses to submit.
/// </summary>
internal static class ViewState
{
    public const string RequiredMessage = "Please complete this required field.";

    public static (JsonObject Values, Dictionary<string, string> Missing) Build(
        JsonObject view, IReadOnlyDictionary<string, string> entered)
    {
        var values = new JsonObject();
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in (view["blocks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (block.String("type") != "input" || block["element"] is not JsonObject element)
            {
                continue;
            }

            var blockId = block.String("block_id") ?? "";
            var actionId = element.String("action_id") ?? "";
            var value = entered.GetValueOrDefault(blockId) ?? entered.GetValueOrDefault(actionId)
                ?? element.String("initial_value");
            if (string.IsNullOrEmpty(value) && !block.Bool("optional"))
            {
                missing[blockId] = RequiredMessage;
            }

            values[blockId] = new JsonObject { [actionId] = ElementState(element, value) };
        }

        return (values, missing);
    }

    private static JsonObject ElementState(JsonObject element, string? value)
    {
        var type = element.String("type") ?? "plain_text_input";
        var state = new JsonObject { ["type"] = type };
        if (type is "static_select" or "radio_buttons")
        {
            state["selected_option"] = Option(element, value);
        }
        else
        {
            state["value"] = string.IsNullOrEmpty(value) ? null : value;
        }

        return state;
    }

    private static JsonNode? Option(JsonObject element, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var option = (element["options"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(o => o.String("value") == value);
        return option?.DeepClone()
            ?? throw new ArgumentException($"The view offers no option with value '{value}'.", nameof(value));
    }
}
