using System.Text.Json;
using System.Text.Json.Serialization;
using ApprovalBot.Grains;

namespace ApprovalBot.Silo.Hosting;

/// <summary>
/// Operator endpoints on each Silo, protected like the dashboard: inspect a request, retry its stuck Slack calls now,
/// or force-expire it. They act through the grain, so every rule of the request's life still holds.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>Statuses as words ("Approved"), not numbers, for people reading the answer.</summary>
    private static readonly JsonSerializerOptions ReadableJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app, DashboardAccessOptions access)
    {
        var group = app.MapGroup(DashboardGuard.AdminPrefix + "/requests/{correlationId}");
        group.MapGet("", async (string correlationId, IGrainFactory grains) =>
            await grains.GetGrain<IApprovalGrain>(correlationId).GetSnapshotAsync() is { } snapshot
                ? Results.Json(snapshot, ReadableJson)
                : Results.NotFound());
        group.MapPost("/retry-slack", async (string correlationId, IGrainFactory grains) =>
            Results.Json(new { pendingSlackCalls = await grains.GetGrain<IApprovalGrain>(correlationId)
                .RetrySlackCallsAsync() }));
        group.MapPost("/expire", async (string correlationId, IGrainFactory grains) =>
            Results.Json(new { status = (await grains.GetGrain<IApprovalGrain>(correlationId)
                .ForceExpireAsync(access.HasCredentials ? access.Username : "operator")).ToString() }));
        return app;
    }
}
