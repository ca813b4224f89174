using System.Globalization;
using System.Text;

namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>Waits for a workspace condition, woken by changes rather than polling.</summary>
internal static class WorkspaceWaiter
{
    public static async Task WaitAsync(
        SandboxWorkspace workspace,
        Func<SandboxWorkspace, bool> condition,
        TimeSpan timeout,
        string expectation)
    {
        // The deadline runs on real time: a test's fake clock must not decide how long the test waits.
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        while (true)
        {
            var (_, changed) = workspace.ChangeSignal();
            if (condition(workspace))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                if (condition(workspace))
                {
                    return;
                }

                throw new TimeoutException(
                    $"Expected {expectation} within {timeout}, but it did not hold. {Describe(workspace)}");
            }
        }
    }

    private static string Describe(SandboxWorkspace workspace)
    {
        var seen = new StringBuilder("Seen: ");
        foreach (var channel in workspace.Channels)
        {
            var messages = workspace.Messages(channel.Id);
            seen.Append(CultureInfo.InvariantCulture, $"{channel.Id} has {messages.Count} message(s)");
            if (messages.Count > 0)
            {
                var last = messages[^1];
                seen.Append(CultureInfo.InvariantCulture, $", last {last.Ts} \"{Shorten(last.Text)}\"");
            }

            seen.Append("; ");
        }

        var calls = workspace.AllCalls;
        seen.Append(CultureInfo.InvariantCulture, $"{calls.Count} call(s) recorded");
        if (calls.Count > 0)
        {
            var last = calls.TakeLast(5).Select(c => $"{c.Method} {c.StatusCode}");
            seen.Append(" (last: ").AppendJoin(", ", last).Append(')');
        }

        return seen.Append('.').ToString();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
