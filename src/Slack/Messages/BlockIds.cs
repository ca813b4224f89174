using System.Globalization;

namespace ApprovalBot.Slack.Messages;

/// <summary>
/// <c>block_id</c>s for approval messages: derived from the correlation id and the card revision, so every
/// <c>chat.update</c> carries fresh ids (https://api.slack.com/reference/block-kit/blocks) and Slack does not
/// keep stale input or button state from an earlier version.
/// </summary>
internal static class BlockIds
{
    private const int MaxCorrelationPart = 200;

    public static string For(string correlationId, int revision, string name) =>
        $"{CorrelationPart(correlationId)}.r{revision}.{name}";

    /// <summary>The card revision a block id of <paramref name="correlationId"/> carries, or null.</summary>
    public static int? RevisionIn(string blockId, string correlationId)
    {
        var prefix = CorrelationPart(correlationId) + ".r";
        if (!blockId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = blockId.AsSpan(prefix.Length);
        var end = rest.IndexOf('.');
        return end > 0 && int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;
    }

    private static string CorrelationPart(string correlationId) =>
        correlationId.Length <= MaxCorrelationPart ? correlationId : correlationId[..MaxCorrelationPart];
}
