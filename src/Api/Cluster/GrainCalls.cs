using ApprovalBot.Api.Hosting;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Api.Cluster;

/// <summary>
/// Calls a grain within <c>Api:GrainCallBudget</c>. Any failure to get an answer in time (no silo yet, the cluster
/// gone, a silo dying mid-call, the budget spent) becomes null, which handlers turn into "could not be confirmed".
/// </summary>
public sealed partial class GrainCalls(
    ClusterConnection cluster, IOptions<ApiOptions> options, ILogger<GrainCalls> logger)
{
    public async Task<T?> TryCallAsync<T>(Func<IGrainFactory, Task<T>> call, string operation)
        where T : class
    {
        var grains = cluster.Grains;
        if (grains is null)
        {
            LogWarningNoCluster(logger, operation);
            return null;
        }

        try
        {
            return await call(grains).WaitAsync(options.Value.GrainCallBudget);
        }
        // Whatever keeps the answer from arriving (timeouts, dead silos, an exception the cluster could not send
        // back) means the same to Slack's user: not confirmed, try again. The failure is logged for operators.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogWarningGrainCallFailed(logger, operation, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "{Operation} not confirmed: not connected to the cluster yet")]
    private static partial void LogWarningNoCluster(ILogger logger, string operation);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "{Operation} not confirmed: the grain call failed ({Failure})")]
    private static partial void LogWarningGrainCallFailed(ILogger logger, string operation, string failure);
}
