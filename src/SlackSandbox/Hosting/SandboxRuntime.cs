using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.SlackSandbox.Inbound;
using ApprovalBot.SlackSandbox.ResponseUrls;
using ApprovalBot.SlackSandbox.WebApi;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Hosting;

/// <summary>
/// Wires the sandbox's parts together once per app; endpoints and the in-process server share it.
/// </summary>
internal sealed class SandboxRuntime : IDisposable
{
    public SandboxRuntime(SandboxOptions options, TimeProvider time, SandboxUrls urls, ILogger logger)
    {
        Options = options;
        Urls = urls;
        Workspace = new SandboxWorkspace(options, time);
        RateLimits = new SandboxRateLimits(options.EnforceRateLimits, time);
        ResponseUrls = new ResponseUrlRegistry(time);
        Pipeline = new CallPipeline(Faults, Workspace, time, logger);
        Chat = new ChatMethods(options, Workspace, RateLimits);

        var triggers = new TriggerRegistry(time);
        var views = new ViewMethods(options, Workspace, triggers, time);
        var directory = new DirectoryMethods(options, Workspace, urls);
        Methods = new Dictionary<string, Func<WebApiArgs, WebApiResult>>(StringComparer.Ordinal)
        {
            ["chat.postMessage"] = Chat.PostMessage,
            ["chat.update"] = Chat.Update,
            ["chat.postEphemeral"] = Chat.PostEphemeral,
            ["views.open"] = views.Open,
            ["conversations.history"] = new HistoryMethods(Workspace).History,
            ["usergroups.users.list"] = directory.UserGroupMembers,
            ["users.info"] = directory.UserInfo,
            ["auth.test"] = directory.AuthTest,
        };

        App = new AppClient(new SlackRequestSigner(options.SigningSecret, time), time);
        if (options.ApiBaseUrl is not null)
        {
            App.SetTarget(options.ApiBaseUrl);
        }

        var payloads = new InteractionPayloads(options);
        var replies = new CommandReplies(options, Workspace, Chat);
        Users = new UserActions(
            options, Workspace, triggers, ResponseUrls, urls, App, payloads, replies, time, logger);
        Views = new ViewActions(Workspace, triggers, payloads, views, Users);
    }

    public SandboxOptions Options { get; }

    public SandboxUrls Urls { get; }

    public SandboxWorkspace Workspace { get; }

    public SandboxFaults Faults { get; } = new();

    public SandboxRateLimits RateLimits { get; }

    public ResponseUrlRegistry ResponseUrls { get; }

    public CallPipeline Pipeline { get; }

    public ChatMethods Chat { get; }

    public IReadOnlyDictionary<string, Func<WebApiArgs, WebApiResult>> Methods { get; }

    public AppClient App { get; }

    public UserActions Users { get; }

    public ViewActions Views { get; }

    public void Dispose() => App.Dispose();
}
