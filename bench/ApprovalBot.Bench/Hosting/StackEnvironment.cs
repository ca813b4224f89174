using System.Globalization;
using ApprovalBot.SlackSandbox;

namespace ApprovalBot.Bench.Hosting;

/// <summary>The environment of a stack's silo and Api children: the product's own settings keys.</summary>
public static class StackEnvironment
{
    public const string Bob = "U0BOB";
    public const string Carol = "U0CAROL";

    public static Dictionary<string, string> Silo(
        BenchContext context, StackOptions options, StackAddresses addresses, string sandboxApi, string hooks)
    {
        var environment = Common(context, addresses, sandboxApi, hooks);
        environment["urls"] = addresses.SiloRoot.ToString().TrimEnd('/');
        environment["Database__MigrateOnStart"] = "false";
        environment["Orleans__SiloPort"] = Text(addresses.SiloPort);
        environment["Orleans__GatewayPort"] = Text(addresses.GatewayPort);
        environment["Orleans__AdvertisedIPAddress"] = "127.0.0.1";
        environment["Slack__PostsPerSecondPerChannel"] = options.PostsPerSecondPerChannel.ToString(
            CultureInfo.InvariantCulture);
        environment["Approval__Approvers__0"] = Bob;
        environment["Approval__Approvers__1"] = Carol;
        environment["Approval__MaxPendingPerRequester"] = "1000000";
        environment["Approval__Timeout"] = StackOptions.Format(options.DefaultTimeout);
        environment["Approval__WatchdogPeriod"] = StackOptions.Format(options.WatchdogPeriod);
        environment["Bench__Storage"] = options.Storage;
        environment["Bench__CollectionAge"] = StackOptions.Format(options.CollectionAge);
        environment["Bench__CollectionQuantum"] = StackOptions.Format(options.CollectionQuantum);
        environment["Bench__MinimumReminderPeriod"] = StackOptions.Format(options.MinimumReminderPeriod);
        foreach (var (key, value) in options.ExtraSiloEnvironment)
        {
            environment[key] = value;
        }

        return environment;
    }

    public static Dictionary<string, string> Api(
        BenchContext context, StackAddresses addresses, string sandboxApi, string hooks)
    {
        var environment = Common(context, addresses, sandboxApi, hooks);
        environment["urls"] = addresses.ApiRoot.ToString().TrimEnd('/');
        return environment;
    }

    private static Dictionary<string, string> Common(
        BenchContext context, StackAddresses addresses, string sandboxApi, string hooks) => new()
    {
        ["ConnectionStrings__ApprovalBot"] = context.DatabaseConnectionString,
        ["Orleans__ClusterId"] = addresses.ServiceId,
        ["Orleans__ServiceId"] = addresses.ServiceId,
        ["Slack__SigningSecret"] = BenchContext.SigningSecret,
        ["Slack__BotToken"] = BenchContext.BotToken,
        ["Slack__ApiBaseUrl"] = sandboxApi,
        ["Slack__ResponseUrlHosts__0"] = hooks,
        ["Slack__ApprovalChannelId"] = SandboxOptions.DefaultApprovalChannelId,
        ["Slack__TeamId"] = SandboxOptions.DefaultTeamId,
        // The Silo and Api projects use the Web SDK, whose default is server GC: the children run as shipped.
        ["DOTNET_gcServer"] = "1",
    };

    /// <summary>
    /// Logging as a deployment's appsettings would set it: the product's own Information lines (a few per
    /// request) kept, the framework's per-request lines (ASP.NET Core, HttpClient, Polly: about 18 per
    /// approval) at Warning. Given as arguments: /bin/sh drops environment variables with dots in their
    /// names.
    /// </summary>
    public static IReadOnlyList<string> LoggingArguments { get; } =
    [
        "--Logging:LogLevel:Default=Information",
        "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        "--Logging:LogLevel:System.Net.Http.HttpClient=Warning",
        "--Logging:LogLevel:Polly=Warning",
        "--Logging:Console:FormatterName=simple",
        "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
        "--Logging:Console:FormatterOptions:SingleLine=true",
    ];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
