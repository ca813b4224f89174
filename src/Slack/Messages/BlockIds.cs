namespace ApprovalBot.Slack.Messages;

/// <summary>
/// <c>block_id</c>s for approval messages: derived from the correlation id and the card revision, so every
/// <c>chat.update</c> carries fresh ids (https://api.slack.com/reference/block-kit/blocks) and Slack does not
/// keep stale input or button state from an earlier version.
/// </summary>
internal static class BlockIds
{
    private const int MaxCorrelationPart = 200;

    public static string For(string correlationId, int revision, string name)
    {
        var correlation = correlationId.Length <= MaxCorrelationPart
            ? correlationId
            : correlationId[..MaxCorrelationPart];
        return $"{correlation}.r{revision}.{name}";
    }
}
