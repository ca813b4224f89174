namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The Web API base address (https://api.slack.com/web#basics), always ending in a slash so that method names
/// resolve beneath it rather than replacing its last segment.
/// </summary>
internal static class SlackWebApiAddress
{
    public static Uri? TryCreate(string? apiBaseUrl)
    {
        var text = apiBaseUrl?.Trim() ?? "";
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
    }
}
