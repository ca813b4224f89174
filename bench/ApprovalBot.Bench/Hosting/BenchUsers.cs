using System.Globalization;
using ApprovalBot.SlackSandbox;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// Who sends and decides. Requests come from many requesters, as in a real workspace, so no one requester's
/// index grain serialises the load; Bob and Carol (the approvers) decide.
/// </summary>
public static class BenchUsers
{
    public static string Requester(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"U0REQ{index:D4}");

    public static string Approver(int index) =>
        index % 2 == 0 ? StackEnvironment.Bob : StackEnvironment.Carol;

    public static SandboxOptions SandboxOptions(StackOptions options)
    {
        var sandbox = new SandboxOptions
        {
            SigningSecret = BenchContext.SigningSecret,
            BotToken = BenchContext.BotToken,
            EnforceRateLimits = options.EnforceRateLimits,
        };

        // Configuring any user drops the sandbox's defaults, so they are listed again first.
        foreach (var user in SandboxUserOptions.Defaults)
        {
            sandbox.Users.Add(user);
        }

        for (var i = 0; i < options.Requesters; i++)
        {
            var id = Requester(i);
            sandbox.Users.Add(new SandboxUserOptions { Id = id, Name = id.ToLowerInvariant() });
        }

        return sandbox;
    }
}
