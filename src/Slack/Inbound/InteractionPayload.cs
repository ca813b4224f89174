using System.Diagnostics.CodeAnalysis;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// An interaction payload (https://api.slack.com/reference/interaction-payloads): the JSON in the
/// <c>payload</c> field of the form Slack posts to the interactivity request URL.
/// </summary>
public abstract record InteractionPayload
{
    /// <summary>
    /// Slack's <c>type</c>: <c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>, …
    /// </summary>
    public abstract string Type { get; }

    /// <summary>
    /// Parses a verified form body. Unknown types become <see cref="UnknownInteractionPayload"/>; a missing
    /// <c>payload</c> field, malformed JSON or a missing required field fails with an error (never throws).
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> formBody,
        [NotNullWhen(true)] out InteractionPayload? payload,
        [NotNullWhen(false)] out string? error)
    {
        if (!SlackForm.TryGetValue(formBody, "payload", out var json))
        {
            payload = null;
            error = "interaction has no payload field";
            return false;
        }

        return InteractionPayloadParser.TryParse(json, out payload, out error);
    }

    /// <summary>Parses the payload JSON itself, as <see cref="TryParse"/> does after form decoding.</summary>
    public static bool TryParseJson(
        string json,
        [NotNullWhen(true)] out InteractionPayload? payload,
        [NotNullWhen(false)] out string? error) =>
        InteractionPayloadParser.TryParse(json, out payload, out error);
}
