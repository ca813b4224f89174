using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.Bench.Load;

/// <summary>
/// An approval message as posted in the sandbox's approval channel: its ts, when it was posted, and what a
/// click on its Approve button carries (the button value holds the correlation id and the callback token).
/// </summary>
public sealed record ApprovalCard(
    string CorrelationId,
    string Ts,
    string Text,
    string BlocksJson,
    string ApproveBlockId,
    string ApproveValue,
    DateTimeOffset PostedAt)
{
    public const string ApproveActionId = "approve";

    /// <summary>The card of a bot message with an Approve button; null for any other message.</summary>
    public static ApprovalCard? From(SandboxMessage message)
    {
        if (!message.IsBot || message.IsEphemeral || message.BlocksJson is null
            || !message.BlocksJson.Contains("\"approve\"", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var block in JsonNode.Parse(message.BlocksJson)?.AsArray() ?? [])
        {
            foreach (var element in block?["elements"]?.AsArray() ?? [])
            {
                if (element?["action_id"]?.GetValue<string>() == ApproveActionId
                    && element["value"]?.GetValue<string>() is { } value
                    && block?["block_id"]?.GetValue<string>() is { } blockId)
                {
                    var correlationId = value.Split('|')[0];
                    return new ApprovalCard(correlationId, message.Ts, message.Text, message.BlocksJson,
                        blockId, value, message.PostedAt);
                }
            }
        }

        return null;
    }
}
