using ApprovalBot.ServiceDefaults;
using Npgsql;

namespace ApprovalBot.Silo.Hosting;

/// <summary><c>/health/ready</c>: ready once this silo is an active cluster member and PostgreSQL answers.</summary>
public sealed class SiloHealth(
    ILocalSiloDetails local, IClusterMembershipService membership, NpgsqlDataSource dataSource)
{
    public async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        var database = await PostgresProbe.AnswersAsync(dataSource, cancellationToken);
        var ready = status == SiloStatus.Active && database;
        var body = new
        {
            status = ready ? "ready" : "not ready",
            silo = local.SiloAddress.ToString(),
            membership = status.ToString(),
            postgres = database ? "ok" : "unreachable",
        };
        var code = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return Results.Json(body, statusCode: code);
    }
}
