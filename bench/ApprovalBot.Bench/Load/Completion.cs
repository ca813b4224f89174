using System.Diagnostics;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.Bench.Load;

/// <summary>Waits until the sandbox shows every request of a set ended, or a limit passes.</summary>
public static class Completion
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Polls until <paramref name="isDone"/> (by default: rewritten and requester told) holds for every card;
    /// returns the last view, from which callers read the times and count what never ended.
    /// </summary>
    public static async Task<WorkspaceOutcomes> WaitAsync(
        SandboxWorkspace workspace,
        IReadOnlyList<ApprovalCard> cards,
        CancellationToken token,
        TimeSpan? limit = null,
        Func<WorkspaceOutcomes, ApprovalCard, bool>? isDone = null)
    {
        isDone ??= (outcomes, card) => outcomes.CompletedAt(card) is not null;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var outcomes = WorkspaceOutcomes.Read(workspace);
            var late = Stopwatch.GetElapsedTime(started) > (limit ?? DefaultLimit);
            if (late || cards.All(c => isDone(outcomes, c)))
            {
                return outcomes;
            }

            await Task.Delay(Poll, token);
        }
    }
}
