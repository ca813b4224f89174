using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.TestSupport.Cluster;

/// <summary>
/// A freshly migrated database with a test cluster on it: what most cluster tests set up first and tear down last.
/// The cluster may be replaced (a restart) while the database and context stay.
/// </summary>
public sealed class ClusterOnFreshDatabase : IAsyncDisposable
{
    private ClusterOnFreshDatabase(TestDatabase database, ApprovalTestContext context, ApprovalTestCluster cluster)
    {
        Database = database;
        Context = context;
        Cluster = cluster;
    }

    public TestDatabase Database { get; }

    public ApprovalTestContext Context { get; }

    public ApprovalTestCluster Cluster { get; private set; }

    public static async Task<ClusterOnFreshDatabase> StartAsync(
        string name, FakeTimeProvider? time = null, short silos = 1)
    {
        var fresh = await ContextOnFreshDatabase.CreateAsync(name, time);
        return new ClusterOnFreshDatabase(
            fresh.Database, fresh.Context, await ApprovalTestCluster.StartAsync(fresh.Context, silos));
    }

    /// <summary>Stops the whole cluster and starts a new one on the same database.</summary>
    public async Task RestartAsync()
    {
        await Cluster.DisposeAsync();
        Cluster = await ApprovalTestCluster.StartAsync(Context);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Context.DisposeAsync();
        await Database.DisposeAsync();
    }
}
