using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Api.Interactions;

/// <summary>
/// The deny modal's <c>private_metadata</c>: <c>{channel clicked in}:{button value}</c>. It travels through Slack,
/// and the submission that brings it back is signed like any request, so it is as trustworthy as the click was.
/// </summary>
public static class DenyMetadata
{
    public static string Format(string channelId, string buttonValue) => $"{channelId}:{buttonValue}";

    public static bool TryParse(string? metadata, out string channelId, out string correlationId, out string token)
    {
        channelId = correlationId = token = "";
        var colon = metadata?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !ButtonValue.TryParse(metadata![(colon + 1)..], out correlationId, out token))
        {
            return false;
        }

        channelId = metadata[..colon];
        return true;
    }
}
