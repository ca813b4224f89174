namespace ApprovalBot.Api.Interactions;

/// <summary>
/// A user id Slack could have sent: <c>U</c> or <c>W</c> and up to 20 uppercase letters or digits. Looser than the
/// Slack library's full check on length, since real and sandbox workspaces use ids of several lengths.
/// </summary>
public static class SlackUserIds
{
    public static bool IsPlausible(string? id) =>
        id is { Length: >= 3 and <= 21 } && id[0] is 'U' or 'W'
        && id.Skip(1).All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
