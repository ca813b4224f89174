using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Registers Slack request verification (https://api.slack.com/authentication/verifying-requests-from-slack).
/// </summary>
public static class SlackVerificationServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>Slack</c> section of <paramref name="configuration"/> (the root configuration, or the
    /// section itself), validated when the host starts: an empty <c>Slack:SigningSecret</c> stops the host.
    /// Registers <see cref="SlackRequestVerifier"/> and, unless one is already registered, <see
    /// cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddSlackVerification(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSlackOptions(configuration);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SigningSecretValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRequestVerifier>();
        return services;
    }
}
