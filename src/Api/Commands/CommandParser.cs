using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalBot.Grains;

namespace ApprovalBot.Api.Commands;

/// <summary>
/// Reads the text Slack sends after <c>/approve</c>. Slack escapes <c>&amp; &lt; &gt;</c> in that text and may wrap
/// an address it recognised as <c>&lt;mailto:a@b.example|a@b.example&gt;</c>; both are undone here, so what is stored
/// is what the user typed and escaping happens once, when it is shown.
/// </summary>
public static partial class CommandParser
{
    public const string CorrelationPrefix = "corr-";

    public static ParsedCommand Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var (first, rest) = SplitFirst(trimmed);
        switch (first.ToLowerInvariant())
        {
            case "" or "help":
                return new HelpCommand();
            case "list":
                return int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0
                    ? new ListCommand(page)
                    : rest.Length == 0
                        ? new ListCommand()
                        : new InvalidCommand("`list` takes an optional page number.");
            case "status" or "cancel":
                return ParseIdCommand(first.ToLowerInvariant(), rest);
        }

        var email = UnwrapMailto(first, out var problem);
        if (problem is not null)
        {
            return new InvalidCommand(problem);
        }

        var emailProblem = EmailAddress.Validate(email);
        if (emailProblem is not null)
        {
            return new InvalidCommand(emailProblem);
        }

        var timeout = TakeTimeout(ref rest, out problem);
        return problem is null
            ? new ApproveCommand(email, rest.Length == 0 ? null : Unescape(rest), timeout)
            : new InvalidCommand(problem);
    }

    /// <summary>
    /// Undoes Slack's escaping of <c>&amp; &lt; &gt;</c> (ampersand last, so "&amp;lt;" stays "&lt;").
    /// </summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    private static ParsedCommand ParseIdCommand(string verb, string rest)
    {
        var id = rest.Trim();
        if (!IsCorrelationId(id))
        {
            return new InvalidCommand($"`{verb}` needs a correlation id (corr-…).");
        }

        return verb == "status" ? new StatusCommand(id) : new CancelCommand(id);
    }

    public static bool IsCorrelationId(string value) => CorrelationIdPattern().IsMatch(value);

    private static string UnwrapMailto(string token, out string? problem)
    {
        problem = null;
        if (!token.StartsWith('<'))
        {
            return Unescape(token);
        }

        var match = MailtoPattern().Match(token);
        if (!match.Success)
        {
            problem = "That is not an email address Slack could send.";
            return "";
        }

        var address = match.Groups["address"].Value;
        var label = match.Groups["label"].Success ? match.Groups["label"].Value : address;
        if (!string.Equals(address, label, StringComparison.OrdinalIgnoreCase))
        {
            problem = "The link's text and its address differ, so it is unclear which address is meant.";
        }

        return address;
    }

    private static TimeSpan? TakeTimeout(ref string rest, out string? problem)
    {
        problem = null;
        var (flag, after) = SplitFirst(rest);
        if (flag != "--timeout")
        {
            return null;
        }

        var (value, reason) = SplitFirst(after);
        rest = reason;
        var match = DurationPattern().Match(value);
        if (!match.Success)
        {
            problem = "`--timeout` takes minutes, hours or days, like 30m, 2h or 3d.";
            return null;
        }

        var amount = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.ToLowerInvariant()[0] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    private static (string First, string Remainder) SplitFirst(string text)
    {
        var trimmed = text.TrimStart();
        var space = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        return space < 0 ? (trimmed, "") : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }

    [GeneratedRegex(@"^<mailto:(?<address>[^|>]+)(\|(?<label>[^>]*))?>$")]
    private static partial Regex MailtoPattern();

    [GeneratedRegex(@"^(?<n>[1-9][0-9]{0,5})(?<unit>m|min|mins|minutes?|h|hours?|d|days?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^corr-[0-9a-f]{32}$")]
    private static partial Regex CorrelationIdPattern();
}
