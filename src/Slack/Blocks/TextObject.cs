using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// A Block Kit text object (https://api.slack.com/reference/block-kit/composition-objects#text).
/// </summary>
public abstract record TextObject(string Text)
{
    /// <summary><c>plain_text</c> or <c>mrkdwn</c>.</summary>
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }
}
