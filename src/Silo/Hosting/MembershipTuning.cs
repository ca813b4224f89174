using Orleans.Configuration;

namespace ApprovalBot.Silo.Hosting;

/// <summary>
/// Membership settings chosen so a hard-killed silo is declared dead within seconds and a silo restarted on a new
/// address does not wait minutes for its old entry. The figures measured with them are in docs/operations.md.
/// </summary>
public static class MembershipTuning
{
    /// <summary>How long a probe may go unanswered.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a silo writes its I-am-alive time, which lets a replacement see a dead entry sooner.
    /// </summary>
    public static readonly TimeSpan IAmAlivePeriod = TimeSpan.FromSeconds(5);

    public static void Apply(ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = ProbeTimeout;
            options.NumMissedProbesLimit = 3;
            options.NumVotesForDeathDeclaration = 1;
            options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
            options.IAmAliveTablePublishTimeout = IAmAlivePeriod;
            options.DefunctSiloExpiration = TimeSpan.FromHours(1);
            options.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
        });
}
