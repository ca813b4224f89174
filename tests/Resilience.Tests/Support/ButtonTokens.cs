using System.Text.RegularExpressions;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>Reads the callback token off a message's buttons, as a click would carry it.</summary>
public static partial class ButtonTokens
{
    /// <summary>The token on the buttons of <paramref name="message"/>, or null when it has none.</summary>
    public static string? Of(SandboxMessage message) => Of(message.BlocksJson ?? "");

    public static string? Of(string blocksJson)
    {
        var match = ButtonValuePattern().Match(blocksJson);
        return match.Success && ButtonValue.TryParse(match.Groups["value"].Value, out _, out var token)
            ? token
            : null;
    }

    [GeneratedRegex("\"value\":\"(?<value>corr-[0-9a-f]{32}\\|[^\"]+)\"")]
    private static partial Regex ButtonValuePattern();
}
