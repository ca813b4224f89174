using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalBot.Slack;

/// <summary>Binds <see cref="SlackOptions"/> once, however many Slack features a host registers.</summary>
public static class SlackOptionsRegistration
{
    public static IServiceCollection AddSlackOptions(
        this IServiceCollection services, IConfiguration configuration)
    {
        // Binding twice would append ResponseUrlHosts twice; the marker keeps it to one binding.
        if (services.Any(d => d.ServiceType == typeof(BindingMarker)))
        {
            return services;
        }

        var section = configuration is IConfigurationSection { Key: SlackOptions.SectionName } own
            ? own
            : configuration.GetSection(SlackOptions.SectionName);
        services.TryAddSingleton<BindingMarker>();
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        return services;
    }

    private sealed class BindingMarker;
}
