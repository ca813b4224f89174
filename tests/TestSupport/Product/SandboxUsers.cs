using System.Globalization;
using ApprovalBot.SlackSandbox;

namespace ApprovalBot.TestSupport.Product;

/// <summary>
/// The sandbox's default users, and more of them for tests that need a crowd or a requester each.
/// </summary>
public static class SandboxUsers
{
    public const string Alice = "U0ALICE";
    public const string Bob = "U0BOB";
    public const string Carol = "U0CAROL";
    public const string Dave = "U0DAVE";

    /// <summary>
    /// Keeps Alice, Bob, Carol and Dave and adds <paramref name="extra"/>: the sandbox drops its defaults as
    /// soon as any user is configured.
    /// </summary>
    public static void AddUsers(this SandboxOptions options, IEnumerable<SandboxUserOptions> extra)
    {
        if (options.Users.Count == 0)
        {
            foreach (var user in SandboxUserOptions.Defaults)
            {
                options.Users.Add(user);
            }
        }

        foreach (var user in extra)
        {
            options.Users.Add(user);
        }
    }

    /// <summary>
    /// <paramref name="count"/> users with ids <c>U0{PREFIX}01</c>, <c>U0{PREFIX}02</c>, …; members of the
    /// sandbox's approver group when <paramref name="approvers"/> is set.
    /// </summary>
    public static IReadOnlyList<SandboxUserOptions> Numbered(string prefix, int count, bool approvers) =>
        [.. Enumerable.Range(1, count).Select(i => new SandboxUserOptions
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"U0{prefix.ToUpperInvariant()}{i:D2}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"{prefix.ToLowerInvariant()}{i:D2}"),
            IsApprover = approvers,
        })];
}
