using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ApprovalBot.TestSupport.Cluster;

/// <summary>An Orleans test cluster of real silos on the context's PostgreSQL, with real ADO.NET membership.</summary>
public sealed class ApprovalTestCluster : IAsyncDisposable
{
    private ApprovalTestCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<ApprovalTestCluster> StartAsync(ApprovalTestContext context, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ServiceId = context.ServiceId;
        builder.Options.ClusterId = context.ServiceId;
        // Real sockets: the Api under test connects to these silos as an ordinary Orleans client.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        builder.ConfigureHostConfiguration(configuration =>
        {
            configuration.AddInMemoryCollection(context.Settings);
            configuration.AddInMemoryCollection([new(ApprovalTestContext.ContextKey, context.Id)]);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ApprovalTestCluster(cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
