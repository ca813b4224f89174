using System.Diagnostics.CodeAnalysis;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// A view's <c>state</c> (https://api.slack.com/reference/interaction-payloads/views#view_submission_fields):
/// <c>values</c> keyed by <c>block_id</c>, then by <c>action_id</c>.
/// </summary>
public sealed record ViewState(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>> Values)
{
    /// <summary>
    /// The text typed into the input <paramref name="actionId"/> of block <paramref name="blockId"/>.
    /// </summary>
    public bool TryGetText(string blockId, string actionId, [NotNullWhen(true)] out string? text)
    {
        text = null;
        return Values.TryGetValue(blockId, out var block)
            && block.TryGetValue(actionId, out var input)
            && (text = input?.Value) is not null;
    }
}
