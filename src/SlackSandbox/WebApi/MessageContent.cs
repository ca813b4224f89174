using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// The text and blocks of a message being posted or replaced, checked the way Slack checks
/// them (shared by <c>chat.*</c> and <c>response_url</c>).
/// </summary>
internal sealed record MessageContent(string Text, string? BlocksJson, bool HasBlocks)
{
    /// <summary>Slack truncates or refuses <c>text</c> beyond this.</summary>
    public const int MaxTextLength = 40_000;

    /// <summary>
    /// Total text across all blocks. Slack was seen refusing messages near 13,200 characters;
    /// the sandbox is stricter so that a message it accepts is safely accepted by Slack too.
    /// </summary>
    public const int MaxBlockTextLength = 12_000;

    /// <summary>
    /// Reads text and blocks; returns the Slack error code instead when they are unacceptable.
    /// </summary>
    public static (MessageContent? Content, WebApiResult? Error) Read(WebApiArgs args)
    {
        var text = args.String("text");
        var blocks = args.Json("blocks", out var malformed);
        if (malformed)
        {
            return (null, WebApiResult.Error("invalid_blocks", "[json-pointer:/blocks] is not valid JSON"));
        }

        var hasBlocks = blocks is JsonArray { Count: > 0 };
        if (string.IsNullOrEmpty(text) && !hasBlocks)
        {
            return (null, WebApiResult.Error("no_text"));
        }

        if (blocks is not null)
        {
            var problem = BlockValidator.Validate(blocks, BlockValidator.MaxMessageBlocks);
            if (problem is not null)
            {
                return (null, WebApiResult.Error("invalid_blocks", problem));
            }
        }

        if ((text?.Length ?? 0) > MaxTextLength || TextLength(blocks) > MaxBlockTextLength)
        {
            return (null, WebApiResult.Error("msg_too_long"));
        }

        var json = blocks is null ? null : SandboxJson.Write(blocks);
        return (new MessageContent(text ?? "", json, blocks is not null), null);
    }

    private static int TextLength(JsonNode? node) => node switch
    {
        JsonArray array => array.Sum(TextLength),
        JsonObject obj => obj.Sum(p =>
            p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
                ? s.Length
                : TextLength(p.Value)),
        _ => 0,
    };
}
