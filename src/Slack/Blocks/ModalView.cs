using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A modal view as <c>views.open</c> takes it (https://api.slack.com/reference/surfaces/views):
/// title, submit and close at most 24 characters, <c>private_metadata</c> at most 3000, up to 100 blocks.
/// </summary>
public sealed record ModalView(
    PlainText Title,
    IReadOnlyList<Block> Blocks,
    string? CallbackId = null,
    PlainText? Submit = null,
    PlainText? Close = null,
    string? PrivateMetadata = null)
{
    /// <summary>Slack's view type; always <c>modal</c> here.</summary>
    [JsonPropertyOrder(-1)]
    [SuppressMessage("Performance", "CA1822", Justification = "Slack's type field; statics don't serialize.")]
    public string Type => "modal";
}
