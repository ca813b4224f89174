using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApprovalBot.ServiceDefaults;

/// <summary>
/// Runs every <c>ValidateOnStart</c> check before anything starts (Orleans would otherwise join the cluster first),
/// and reports all failures together as one <see cref="OptionsValidationException"/>.
/// </summary>
public static class StartupValidation
{
    public static void ValidateOptions(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert", StringComparison.Ordinal))
        {
            // A setting that does not parse (a duration written "5m" instead of "00:05:00") names itself here.
            throw new OptionsValidationException("startup", typeof(object), [e.Message]);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures);
            throw new OptionsValidationException("startup", typeof(object), failures);
        }
    }
}
