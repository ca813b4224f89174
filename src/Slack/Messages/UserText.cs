using System.Text;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Messages;

/// <summary>
/// Turns raw user text (email, reasons) into mrkdwn that fits its block and cannot mention, link or pass
/// for the bot's own lines (https://api.slack.com/reference/surfaces/formatting#escaping).
/// </summary>
internal static class UserText
{
    private const int MaxLines = 20;

    /// <summary>One line: control characters and line breaks become spaces; escaped and cut to fit.</summary>
    public static string Line(string? text, int maxLength) =>
        Mrkdwn.EscapeTruncated(Flatten(text), maxLength);

    /// <summary>
    /// A block quote: every line starts with <c>&gt;</c>, so nothing the user typed can pass for one of the
    /// message's own lines. Blank lines are dropped, lines past the 20th are joined into the 20th, and the
    /// whole fits in <paramref name="maxLength"/>.
    /// </summary>
    public static string Quote(string? text, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var line in Lines(text))
        {
            var prefix = builder.Length == 0 ? ">" : "\n>";
            var room = maxLength - builder.Length - prefix.Length;
            if (room < 2)
            {
                break;
            }

            var flat = Flatten(line);
            builder.Append(prefix).Append(Mrkdwn.EscapeTruncated(flat, room));
            if (Mrkdwn.Escape(flat).Length > room)
            {
                break;
            }
        }

        return builder.ToString();
    }

    private static string[] Lines(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length <= MaxLines
            ? lines
            : [.. lines[..(MaxLines - 1)], string.Join(' ', lines[(MaxLines - 1)..])];
    }

    private static string Flatten(string? text)
    {
        var trimmed = (text ?? "").AsSpan().Trim();
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
