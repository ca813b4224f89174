using System.Diagnostics.CodeAnalysis;

namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// The opaque <c>value</c> of the approval buttons
/// (https://api.slack.com/reference/block-kit/block-elements#button): <c>{correlationId}|{callbackToken}</c>,
/// at most 2000 characters of printable ASCII.
/// </summary>
public static class ButtonValue
{
    private const char Separator = '|';

    /// <summary>
    /// Joins the two parts; throws when either is empty, holds a separator or the result is too long.
    /// </summary>
    public static string Format(string correlationId, string callbackToken)
    {
        if (!IsPart(correlationId) || !IsPart(callbackToken))
        {
            throw new ArgumentException(
                "A button value part must be non-empty printable ASCII without '|'.", nameof(correlationId));
        }

        var value = string.Concat(correlationId, "|", callbackToken);
        if (value.Length > SlackLimits.ButtonValue)
        {
            throw new ArgumentException(
                $"A button value must be at most {SlackLimits.ButtonValue} characters.",
                nameof(callbackToken));
        }

        return value;
    }

    /// <summary>
    /// Splits a value Slack sent back; false for anything <see cref="Format"/> could not have made.
    /// </summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? value, out string correlationId, out string callbackToken)
    {
        correlationId = "";
        callbackToken = "";
        if (value is null || value.Length > SlackLimits.ButtonValue)
        {
            return false;
        }

        var separator = value.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0 || !IsPart(value[..separator]) || !IsPart(value[(separator + 1)..]))
        {
            return false;
        }

        correlationId = value[..separator];
        callbackToken = value[(separator + 1)..];
        return true;
    }

    private static bool IsPart(string part)
    {
        if (part.Length == 0)
        {
            return false;
        }

        foreach (var c in part)
        {
            if (c is < '!' or > '~' or Separator)
            {
                return false;
            }
        }

        return true;
    }
}
