using System.Diagnostics.CodeAnalysis;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Decides whether a <c>response_url</c> (https://api.slack.com/interactivity/handling#message_responses) may
/// be posted to: absolute, https (http only on loopback, for the sandbox), no user info, and a host[:port]
/// listed in <c>Slack:ResponseUrlHosts</c>. An entry without a port allows only the scheme's default port.
/// </summary>
internal static class ResponseUrlPolicy
{
    public static bool IsAllowed(
        string? responseUrl,
        IReadOnlyList<string> allowedHosts,
        [NotNullWhen(true)] out Uri? uri,
        [NotNullWhen(false)] out string? reason)
    {
        reason = Refusal(responseUrl, allowedHosts, out uri);
        return reason is null;
    }

    private static string? Refusal(string? responseUrl, IReadOnlyList<string> allowedHosts, out Uri? uri)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out uri))
        {
            return "not an absolute URL";
        }

        var target = uri;
        var plainHttpAllowed = uri.IsLoopback || allowedHosts.Any(entry => IsExplicitHttp(target, entry));
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && plainHttpAllowed))
        {
            return "not an https URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "carries user info";
        }

        return allowedHosts.Any(entry => Matches(target, entry))
            ? null
            : "host not in Slack:ResponseUrlHosts";
    }

    /// <summary>
    /// Plain http is only ever allowed where an operator wrote it out (<c>http://sandbox:5090</c>), as the
    /// container stack does for its Slack sandbox; a bare host entry means https.
    /// </summary>
    private static bool IsExplicitHttp(Uri uri, string entry) =>
        entry.Trim().StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        && Matches(uri, entry.Trim()["http://".Length..]);

    private static bool Matches(Uri uri, string entry)
    {
        entry = entry.Trim();
        if (entry.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            entry = entry["http://".Length..];
        }

        // Parsing the entry with the URL's own scheme makes "host" mean "host on that scheme's default port".
        if (!Uri.TryCreate(uri.Scheme + "://" + entry.Trim(), UriKind.Absolute, out var allowed))
        {
            return false;
        }

        return string.Equals(allowed.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && allowed.Port == uri.Port
            && allowed.UserInfo.Length == 0
            && allowed.PathAndQuery == "/";
    }
}
