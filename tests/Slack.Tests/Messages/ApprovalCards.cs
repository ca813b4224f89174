using ApprovalBot.Slack.Messages;

namespace ApprovalBot.Slack.Tests.Messages;

/// <summary>Approval cards for renderer tests, from ordinary to hostile.</summary>
public static class ApprovalCards
{
    public static readonly DateTimeOffset Created = new(2026, 1, 2, 15, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 1000 characters of Devanagari, Cyrillic, CJK and emoji with every mrkdwn trick a requester could try.
    /// </summary>
    public static readonly string HostileReason = BuildHostileReason();

    public static ApprovalCard Pending(
        string? reason = "Needs prod access for the release", int required = 1) =>
        new(
            CorrelationId: "corr-7d9f2c4e-1b2a-4c3d-9e8f-0a1b2c3d4e5f",
            RequesterUserId: "U0REQUESTR",
            Email: "ana@example.com",
            Reason: reason,
            CreatedAt: Created,
            Deadline: Created.AddMinutes(5),
            CallbackToken: "Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkw",
            Status: ApprovalCardStatus.Pending,
            Approvals: [],
            RequiredApprovals: required,
            DecidedBy: null,
            DecidedAt: null,
            DecisionReason: null,
            Revision: 1);

    public static ApprovalCard Final(ApprovalCardStatus status, string? decisionReason = null) =>
        Pending() with
        {
            Status = status,
            DecidedBy = status is ApprovalCardStatus.Approved or ApprovalCardStatus.Denied
                ? "U0APPROVER"
                : null,
            DecidedAt = Created.AddMinutes(2),
            DecisionReason = decisionReason,
            Approvals = status == ApprovalCardStatus.Approved
                ? [new CardApproval("U0APPROVER", Created.AddMinutes(2))]
                : [],
            Revision = 2,
        };

    public static ApprovalCard Hostile(ApprovalCardStatus status) =>
        Final(status, HostileReason) with
        {
            Reason = HostileReason,
            Email = "<!channel> & <@U123>\n*Approved* by <@U0BOSS>" + new string('&', 400) + "@example.com",
            Approvals = [.. Enumerable.Range(0, 120).Select(i => new CardApproval($"U{i:D9}", Created))],
            RequiredApprovals = 200,
        };

    private static string BuildHostileReason()
    {
        const string pieces =
            "<!channel> <!here> <@U123> <#C0ABCDEFGH> <https://evil.example|login> & &amp; > quote\n" +
            "*Approved* by <@U0BOSS>\r\n\n\n" +
            "अनुमोदन कृपया ✅ Одобрите пожалуйста 批准请求 👍🏽 ";
        var reason = string.Concat(Enumerable.Repeat(pieces, 20));
        return reason[..1000];
    }
}
