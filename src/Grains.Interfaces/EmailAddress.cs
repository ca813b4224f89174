using System.Globalization;

namespace ApprovalBot.Grains;

/// <summary>
/// The strict check an email must pass before a request is created. It lives beside the grain interfaces so the
/// Api can answer a typo at once and the grain, which is the authority, applies the very same rule.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;
    private const string LocalPartSymbols = "!#$%&'*+-/=?^_`{|}~.";
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>Returns null when <paramref name="email"/> is one valid address, else what is wrong with it.</summary>
    public static string? Validate(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "No email address was given.";
        }

        if (email.Length > MaxLength)
        {
            return $"The email address is longer than {MaxLength} characters.";
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || email.IndexOf('@') != at)
        {
            return "That is not one email address (expected name@domain.example).";
        }

        return ValidateLocalPart(email[..at]) ?? ValidateDomain(email[(at + 1)..]);
    }

    private static string? ValidateLocalPart(string local)
    {
        if (local.Length > MaxLocalPartLength)
        {
            return $"The part before @ is longer than {MaxLocalPartLength} characters.";
        }

        var wellFormed = local.All(c => char.IsAsciiLetterOrDigit(c) || LocalPartSymbols.Contains(c))
            && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal);
        return wellFormed ? null : "The part before @ has characters an email address cannot have.";
    }

    private static string? ValidateDomain(string domain)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return "The domain after @ is not a valid domain name.";
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            return "The domain after @ needs a dot (for example example.com).";
        }

        var valid = ascii.Length <= 253 && labels.All(IsHostLabel) && !labels[^1].All(char.IsAsciiDigit);
        return valid ? null : "The domain after @ is not a valid domain name.";
    }

    private static bool IsHostLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && label[0] != '-' && label[^1] != '-';
}
