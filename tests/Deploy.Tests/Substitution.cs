using System.Text.RegularExpressions;

namespace ApprovalBot.Deploy.Tests;

/// <summary>Compose's <c>${VAR...}</c> variable substitution, as far as the rules need it.</summary>
public static partial class Substitution
{
    /// <summary>A value that is only a required variable: <c>${VAR}</c> or <c>${VAR:?message}</c>.</summary>
    public static bool IsRequiredVariable(string value) => RequiredVariable().IsMatch(value);

    /// <summary>Replaces <c>${VAR:-default}</c> and <c>${VAR-default}</c> by their defaults (VAR unset).
    /// </summary>
    public static string WithDefaults(string value) =>
        DefaultedVariable().Replace(value, m => m.Groups["default"].Value);

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?\?[^}]*)?\}$")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"\$\{[A-Za-z_][A-Za-z0-9_]*:?-(?<default>[^}]*)\}")]
    private static partial Regex DefaultedVariable();
}
