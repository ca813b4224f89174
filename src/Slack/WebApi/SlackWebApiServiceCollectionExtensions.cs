using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Slack.WebApi;

/// <summary>Registers the Slack Web API client (https://api.slack.com/web).</summary>
public static class SlackWebApiServiceCollectionExtensions
{
    /// <summary>
    /// A backstop only: the resilience pipeline ends every call within its 2-second budget.
    /// </summary>
    private static readonly TimeSpan HttpClientTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="ISlackWebApi"/> as a typed HttpClient on <c>Slack:ApiBaseUrl</c>, binding the
    /// <c>Slack</c> section of <paramref name="configuration"/> (the root configuration, or the section
    /// itself) validated at start: an empty <c>Slack:BotToken</c> stops the host.
    /// </summary>
    public static IServiceCollection AddSlackWebApi(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSlackOptions(configuration);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, BotTokenValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services
            .AddHttpClient<ISlackWebApi, SlackWebApiClient>(static (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
                client.BaseAddress = SlackWebApiAddress.TryCreate(options.ApiBaseUrl);
                client.Timeout = HttpClientTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ApprovalBot/1.0");
            })
            .AddResilienceHandler(SlackWebApiResilience.PipelineName, SlackWebApiResilience.Configure);
        return services;
    }
}
