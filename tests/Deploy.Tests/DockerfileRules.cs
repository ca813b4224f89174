using System.Text.RegularExpressions;

namespace ApprovalBot.Deploy.Tests;

/// <summary>Checks of a Dockerfile; each returns the violations it found.</summary>
public static partial class DockerfileRules
{
    private static readonly string[] RootUsers = ["root", "0", "root:root", "0:0"];

    /// <summary>The final stage must switch to a user other than root, or containers run as root.</summary>
    public static IReadOnlyList<string> RootUser(Dockerfile dockerfile)
    {
        var user = dockerfile.FinalStage.LastOrDefault(i => i.Keyword == "USER")?.Arguments;
        return user switch
        {
            null => [$"{dockerfile.Name}: the final stage has no USER, so it runs as root"],
            _ when RootUsers.Contains(user.Trim()) =>
                [$"{dockerfile.Name}: the final stage runs as '{user}'"],
            _ => [],
        };
    }

    /// <summary>ENV or ARG entries with secret-looking names and a value, which the image keeps.</summary>
    public static IReadOnlyList<string> BakedSecrets(Dockerfile dockerfile) =>
        dockerfile.Instructions
            .Where(i => i.Keyword is "ENV" or "ARG")
            .SelectMany(i => Assignments(i).Select(a => (i.Keyword, a.Name, a.Value)))
            .Where(a => SecretName().IsMatch(a.Name) && a.Value.Trim('"', '\'').Length > 0)
            .Select(a => $"{dockerfile.Name}: {a.Keyword} {a.Name} holds a value")
            .ToList();

    /// <summary>
    /// <c>ENV a=1 b="2"</c>, the legacy <c>ENV name value</c>, and <c>ARG name[=default]</c>.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> Assignments(DockerInstruction instruction)
    {
        // The legacy form's first word has no '=', though its value may.
        var words = instruction.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !words[0].Contains('=', StringComparison.Ordinal))
        {
            return words.Length == 0 ? [] : [(words[0], words.Length > 1 ? words[1] : "")];
        }

        return Assignment().Matches(instruction.Arguments)
            .Select(m => (m.Groups["name"].Value, m.Groups["value"].Value));
    }

    [GeneratedRegex("PASSWORD|SECRET|TOKEN|API_?KEY|CONNECTIONSTRINGS|PRIVATE_?KEY",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("""(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:=(?<value>"[^"]*"|'[^']*'|\S*))?""")]
    private static partial Regex Assignment();
}
