using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>Finds interactive buttons in Block Kit JSON, wherever Slack allows them.</summary>
internal static class BlockSearch
{
    internal sealed record FoundButton(string? BlockId, JsonObject Button);

    public static IEnumerable<FoundButton> Buttons(JsonArray blocks)
    {
        var position = 0;
        foreach (var block in blocks.OfType<JsonObject>())
        {
            // Slack gives every block an id when the app sends none, and clicks always carry it.
            var blockId = block["block_id"]?.GetValue<string>() ?? $"sbx{position}";
            position++;
            if (block["accessory"] is JsonObject accessory && IsButton(accessory))
            {
                yield return new FoundButton(blockId, accessory);
            }

            if (block["elements"] is JsonArray elements)
            {
                foreach (var element in elements.OfType<JsonObject>().Where(IsButton))
                {
                    yield return new FoundButton(blockId, element);
                }
            }
        }
    }

    public static FoundButton? Button(JsonArray blocks, string actionId) =>
        Buttons(blocks).FirstOrDefault(b => string.Equals(
            b.Button["action_id"]?.GetValue<string>(), actionId, StringComparison.Ordinal));

    private static bool IsButton(JsonObject element) =>
        string.Equals(element["type"]?.GetValue<string>(), "button", StringComparison.Ordinal);
}
