using ApprovalBot.ServiceDefaults;
using ApprovalBot.Api.Cluster;
using Npgsql;

namespace ApprovalBot.Api.Hosting;

/// <summary><c>/health/ready</c>: 200 when PostgreSQL answers and a gateway is connected, else 503.</summary>
public sealed class ApiHealth(ClusterConnection cluster, NpgsqlDataSource dataSource)
{
    public async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var database = await PostgresProbe.AnswersAsync(dataSource, cancellationToken);
        var ready = database && cluster.IsConnected;
        var body = new
        {
            status = ready ? "ready" : "not ready",
            postgres = database ? "ok" : "unreachable",
            cluster = cluster.IsConnected ? "connected" : "not connected",
            clusterFailure = cluster.LastFailure,
        };
        var status = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return Results.Json(body, statusCode: status);
    }
}
