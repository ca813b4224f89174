using System.Globalization;

namespace ApprovalBot.Grains.Approval;

/// <summary>Limits and wording shared by the grain and its Slack rendering.</summary>
public static class ApprovalText
{
    /// <summary>Reasons longer than this are trimmed; Slack blocks and logs stay bounded.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Trims a reason to <see cref="MaxReasonLength"/> without splitting a character.</summary>
    public static string? CapReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var trimmed = reason.Trim();
        if (trimmed.Length <= MaxReasonLength)
        {
            return trimmed;
        }

        var info = new StringInfo(trimmed);
        var elements = Math.Min(info.LengthInTextElements, MaxReasonLength);
        var cut = info.SubstringByTextElements(0, elements);
        while (cut.Length > MaxReasonLength)
        {
            elements--;
            cut = info.SubstringByTextElements(0, elements);
        }

        return cut;
    }

    /// <summary>A duration as people say it: "5 minutes", "2 hours", "7 days".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => Plural((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => Plural((int)span.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when span.TotalMinutes % 1 == 0 => Plural((int)span.TotalMinutes, "minute"),
        _ => Plural((int)Math.Ceiling(span.TotalSeconds), "second"),
    };

    private static string Plural(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
