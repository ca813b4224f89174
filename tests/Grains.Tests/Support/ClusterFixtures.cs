using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Grains.Tests.Support;

/// <summary>A fresh migrated database, a fake clock and one running silo, shared by a test collection.</summary>
public class FakeClockClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    public FakeTimeProvider Time { get; } = new(Start);

    public ApprovalTestContext Context { get; private set; } = null!;

    public ApprovalTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Grains;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("grains");
        await _database.MigrateAsync();
        Context = new ApprovalTestContext(_database.RuntimeConnectionString, Time);
        Configure(Context.Settings);
        Cluster = await ApprovalTestCluster.StartAsync(Context);
    }

    /// <summary>Settings this fixture's silos get on top of the defaults.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Context.DisposeAsync();
        await _database!.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockCluster : ICollectionFixture<FakeClockClusterFixture>
{
    public const string Name = "fake-clock cluster";
}

/// <summary>Two approvals needed, reminders at 1 and 2 minutes, escalation at 3 minutes, a 10-minute timeout.</summary>
public sealed class QuorumClusterFixture : FakeClockClusterFixture
{
    public const string EscalationChannel = "C0ESCALATE";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Approval:RequiredApprovals"] = "2";
        settings["Approval:Approvers:3"] = TestIds.Approver4;
        settings["Approval:Approvers:4"] = TestIds.Approver5;
        settings["Approval:Timeout"] = "00:10:00";
        settings["Approval:RemindAfter:0"] = "00:01:00";
        settings["Approval:RemindAfter:1"] = "00:02:00";
        settings["Approval:EscalateAfter"] = "00:03:00";
        settings["Slack:EscalationChannelId"] = EscalationChannel;
    }
}

[CollectionDefinition(Name)]
public sealed class QuorumCluster : ICollectionFixture<QuorumClusterFixture>
{
    public const string Name = "quorum cluster";
}

/// <summary>Per-request timeouts up to 90 days allowed.</summary>
public sealed class LongTimeoutClusterFixture : FakeClockClusterFixture
{
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Approval:MaxTimeout"] = "90.00:00:00";
}

[CollectionDefinition(Name)]
public sealed class LongTimeoutCluster : ICollectionFixture<LongTimeoutClusterFixture>
{
    public const string Name = "long-timeout cluster";
}
