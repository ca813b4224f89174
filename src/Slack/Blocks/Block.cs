using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Blocks;

/// <summary>A Block Kit layout block (https://api.slack.com/reference/block-kit/blocks).</summary>
/// <remarks>
/// Its <c>type</c> is written when it is serialized as a <see cref="Block"/> (as in every list of blocks);
/// serializing a concrete block on its own leaves the type out.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(InputBlock), "input")]
public abstract record Block
{
    /// <summary>
    /// Identifies the block in interaction payloads; at most 255 characters, unique per message.
    /// </summary>
    public string? BlockId { get; init; }
}
