using ApprovalBot.Grains.Approval;
using ApprovalBot.Grains.Diagnostics;
using ApprovalBot.Grains.Policy;
using ApprovalBot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Grains;

/// <summary>Registers what the approval grains need in a silo.</summary>
public static class GrainServices
{
    /// <summary>
    /// Adds approval options (validated at start), the approval clock, the approver policy and Slack call plumbing.
    /// The Slack Web API client itself is registered by the host (the real one, or the sandbox-backed one).
    /// </summary>
    public static IServiceCollection AddApprovalGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>()
            .Bind(configuration.GetSection(ApprovalOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<ApprovalOptions>, ApprovalOptionsValidator>());
        services.AddOptions<SlackOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, ApprovalChannelValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(ApprovalClock.ServiceKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<IApproverPolicy, ApproverPolicy>();
        services.TryAddSingleton<ApprovalSlackCalls>();
        services.TryAddSingleton<ApprovalMetrics>();
        return services;
    }
}
