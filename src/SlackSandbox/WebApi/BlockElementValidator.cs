using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>Limits on interactive elements and text objects inside blocks.</summary>
internal static class BlockElementValidator
{
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxUrl = 3000;

    private static readonly HashSet<string> ElementTypes = new(StringComparer.Ordinal)
    {
        "button", "image", "static_select", "multi_static_select", "external_select", "users_select",
        "multi_users_select", "conversations_select", "channels_select", "overflow", "datepicker",
        "timepicker", "datetimepicker", "checkboxes", "radio_buttons", "plain_text_input",
        "email_text_input", "number_input", "url_text_input", "rich_text_input", "workflow_button",
    };

    public static string? Element(JsonNode? node, string at)
    {
        var type = node.String("type");
        if (node is not JsonObject element || type is null)
        {
            return $"[json-pointer:{at}] must be an object with a type";
        }

        if (!ElementTypes.Contains(type))
        {
            return $"[json-pointer:{at}/type] unsupported element type: {type}";
        }

        if (element.String("action_id") is { Length: > BlockValidator.MaxIdLength })
        {
            return $"[json-pointer:{at}/action_id] must be at most {BlockValidator.MaxIdLength} characters";
        }

        return type == "button" ? Button(element, at) : null;
    }

    public static string? Text(JsonNode? node, string at, int maxLength, bool plainOnly = false)
    {
        var type = node.String("type");
        var text = node.String("text");
        if (text is null || (type != "plain_text" && (plainOnly || type != "mrkdwn")))
        {
            return $"[json-pointer:{at}] must be a {(plainOnly ? "plain_text" : "text")} object";
        }

        return text.Length > maxLength
            ? $"[json-pointer:{at}/text] must be less than {maxLength + 1} characters"
            : null;
    }

    private static string? Button(JsonObject button, string at)
    {
        var error = Text(button["text"], $"{at}/text", MaxButtonText, plainOnly: true);
        if (error is not null)
        {
            return error;
        }

        if (button.String("value") is { Length: > MaxButtonValue })
        {
            return $"[json-pointer:{at}/value] must be less than {MaxButtonValue + 1} characters";
        }

        if (button.String("url") is { Length: > MaxUrl })
        {
            return $"[json-pointer:{at}/url] must be less than {MaxUrl + 1} characters";
        }

        return button.String("style") is null or "primary" or "danger"
            ? null
            : $"[json-pointer:{at}/style] must be primary or danger";
    }
}
