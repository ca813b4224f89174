using System.Globalization;
using System.Text;

namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// Building <c>mrkdwn</c> text safely (https://api.slack.com/reference/surfaces/formatting): escaping user
/// text so it cannot mention, link or ping, Slack's mention and date tokens, and limit-aware truncation.
/// </summary>
public static class Mrkdwn
{
    private const char Ellipsis = '…';

    private const int MaxNonIdMention = 64;

    /// <summary>
    /// Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>, the only characters Slack asks us to escape.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Escapes <paramref name="text"/> and cuts it (between whole characters, never inside an escape) so the
    /// result is at most <paramref name="maxLength"/> long, ending in an ellipsis when something was cut.
    /// </summary>
    public static string EscapeTruncated(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var escaped = Escape(text);
        if (escaped.Length <= maxLength)
        {
            return escaped;
        }

        var builder = new StringBuilder(maxLength);
        var budget = maxLength - 1;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = Escape(elements.GetTextElement());
            if (builder.Length + element.Length > budget)
            {
                break;
            }

            builder.Append(element);
        }

        return builder.Append(Ellipsis).ToString();
    }

    /// <summary>
    /// Cuts already formatted mrkdwn to <paramref name="maxLength"/> without leaving half a <c>&lt;…&gt;</c>
    /// token, half an <c>&amp;…;</c> escape or half a surrogate pair behind.
    /// </summary>
    public static string Truncate(string mrkdwn, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (mrkdwn.Length <= maxLength)
        {
            return mrkdwn;
        }

        var cut = mrkdwn.AsSpan(0, maxLength - 1);
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        var openToken = cut.LastIndexOf('<');
        if (openToken > cut.LastIndexOf('>'))
        {
            cut = cut[..openToken];
        }

        var openEscape = cut.LastIndexOf('&');
        if (openEscape > cut.LastIndexOf(';'))
        {
            cut = cut[..openEscape];
        }

        return string.Concat(cut, [Ellipsis]);
    }

    /// <summary>
    /// A user mention <c>&lt;@U…&gt;</c>. Anything that is not shaped like a user id is shown escaped (and
    /// cut to 64 characters) instead, so a forged id can never become a broken or foreign token.
    /// </summary>
    public static string Mention(string userId) =>
        SlackIds.LooksLikeUserId(userId) ? $"<@{userId}>" : EscapeTruncated(userId, MaxNonIdMention);

    /// <summary>
    /// A date token (https://api.slack.com/reference/surfaces/formatting#date-formatting) that each reader
    /// sees in their own time zone, with a UTC fallback for clients that cannot render it.
    /// </summary>
    public static string Date(DateTimeOffset at)
    {
        var unix = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var fallback = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return $"<!date^{unix}^{{date_short_pretty}} at {{time}}|{fallback}>";
    }
}
