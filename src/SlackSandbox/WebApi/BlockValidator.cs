using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// Slack's Block Kit limits that make it answer <c>invalid_blocks</c>. Returns a description
/// of the first violation (with a JSON pointer, as Slack words it) or null when the blocks pass.
/// </summary>
internal static class BlockValidator
{
    public const int MaxMessageBlocks = 50;
    public const int MaxModalBlocks = 100;
    public const int MaxSectionText = 3000;
    public const int MaxSectionFieldText = 2000;
    public const int MaxHeaderText = 150;
    public const int MaxIdLength = 255;

    private static readonly HashSet<string> BlockTypes = new(StringComparer.Ordinal)
    {
        "section", "actions", "context", "divider", "header", "image", "input",
        "rich_text", "video", "file", "markdown",
    };

    public static string? Validate(JsonNode? blocks, int maxBlocks)
    {
        if (blocks is not JsonArray array)
        {
            return "[json-pointer:/blocks] must be an array";
        }

        if (array.Count > maxBlocks)
        {
            return $"[json-pointer:/blocks] no more than {maxBlocks} items allowed";
        }

        for (var i = 0; i < array.Count; i++)
        {
            var error = ValidateBlock(array[i], $"/blocks/{i}");
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? ValidateBlock(JsonNode? node, string at)
    {
        var type = node.String("type");
        if (node is not JsonObject block || type is null)
        {
            return $"[json-pointer:{at}] must be an object with a type";
        }

        if (!BlockTypes.Contains(type))
        {
            return $"[json-pointer:{at}/type] unsupported block type: {type}";
        }

        if (block.String("block_id") is { Length: > MaxIdLength })
        {
            return $"[json-pointer:{at}/block_id] must be less than {MaxIdLength + 1} characters";
        }

        return type switch
        {
            "section" => ValidateSection(block, at),
            "header" => BlockElementValidator.Text(
                block["text"], $"{at}/text", MaxHeaderText, plainOnly: true),
            "actions" => ValidateElements(block, at, maxCount: 25),
            "context" => ValidateElements(block, at, maxCount: 10),
            "input" => ValidateInput(block, at),
            _ => null,
        };
    }

    private static string? ValidateSection(JsonObject block, string at)
    {
        if (block["text"] is null && block["fields"] is not JsonArray)
        {
            return $"[json-pointer:{at}] must provide text or fields";
        }

        if (block["text"] is not null)
        {
            var error = BlockElementValidator.Text(block["text"], $"{at}/text", MaxSectionText);
            if (error is not null)
            {
                return error;
            }
        }

        if (block["fields"] is JsonArray fields)
        {
            if (fields.Count > 10)
            {
                return $"[json-pointer:{at}/fields] no more than 10 items allowed";
            }

            for (var i = 0; i < fields.Count; i++)
            {
                var error = BlockElementValidator.Text(fields[i], $"{at}/fields/{i}", MaxSectionFieldText);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        return block["accessory"] is null
            ? null
            : BlockElementValidator.Element(block["accessory"], $"{at}/accessory");
    }

    private static string? ValidateElements(JsonObject block, string at, int maxCount)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            return $"[json-pointer:{at}/elements] must be a non-empty array";
        }

        if (elements.Count > maxCount)
        {
            return $"[json-pointer:{at}/elements] no more than {maxCount} items allowed";
        }

        var context = block.String("type") == "context";
        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"{at}/elements/{i}";
            var error = context && elements[i].String("type") is "mrkdwn" or "plain_text"
                ? BlockElementValidator.Text(elements[i], path, MaxSectionText)
                : BlockElementValidator.Element(elements[i], path);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? ValidateInput(JsonObject block, string at) =>
        BlockElementValidator.Text(block["label"], $"{at}/label", 2000, plainOnly: true)
        ?? (block["element"] is null
            ? $"[json-pointer:{at}/element] is required"
            : BlockElementValidator.Element(block["element"], $"{at}/element"));
}
