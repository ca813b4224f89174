namespace ApprovalBot.Slack;

/// <summary>
/// Shapes of Slack object ids (https://api.slack.com/changelog/2016-08-11-user-id-format-changes): a type
/// letter followed by 8 to 20 uppercase letters and digits. Enterprise Grid uses <c>W…</c> user ids and
/// <c>E…</c> organisation ids.
/// </summary>
public static class SlackIds
{
    private const int MinBodyLength = 8;

    private const int MaxBodyLength = 20;

    /// <summary>A user id: <c>U…</c>, or <c>W…</c> on Enterprise Grid.</summary>
    public static bool IsUserId(string? id) => HasShape(id, "UW", MinBodyLength);

    /// <summary>
    /// A conversation id: public channel <c>C…</c>, private channel <c>G…</c> or direct message <c>D…</c>.
    /// </summary>
    public static bool IsChannelId(string? id) => HasShape(id, "CGD", MinBodyLength);

    /// <summary>A workspace id <c>T…</c> or an Enterprise Grid organisation id <c>E…</c>.</summary>
    public static bool IsTeamId(string? id) => HasShape(id, "TE", MinBodyLength);

    /// <summary>A user group id <c>S…</c>.</summary>
    public static bool IsUserGroupId(string? id) => HasShape(id, "S", MinBodyLength);

    /// <summary>
    /// Looser than <see cref="IsUserId"/> (any length from one character): safe to wrap in a mention token,
    /// as test workspaces and the sandbox use short ids such as <c>U1</c>.
    /// </summary>
    public static bool LooksLikeUserId(string? id) => HasShape(id, "UW", 1);

    private static bool HasShape(string? id, string prefixes, int minBodyLength)
    {
        if (id is null || id.Length < 1 + minBodyLength || id.Length > 1 + MaxBodyLength)
        {
            return false;
        }

        if (!prefixes.Contains(id[0], StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id.AsSpan(1))
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
