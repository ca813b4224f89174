using ApprovalBot.Grains;
using ApprovalBot.Grains.Approval;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.TestSupport.Cluster;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>What must hold after a run, in PostgreSQL and in Slack.</summary>
public static class RunChecks
{
    /// <summary>
    /// How long stored state may take to catch up (reminder ticks, Slack calls) before a run fails.
    /// </summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly HashSet<string> Approvers =
        [TestIds.Approver1, TestIds.Approver2, TestIds.Approver3];

    /// <summary>
    /// Every request as stored: at most one outcome, decided only by an approver who is not the requester, as
    /// one of the model's possible states says (an overdue request may stay pending until its reminder
    /// ticks), and Slack agreeing.
    /// </summary>
    public static async Task HoldAsync(IReadOnlyList<ApprovalModel> models, string[] ids, string requester,
        StoredRequests store, RecordingSlack slack)
    {
        var existing = Enumerable.Range(0, ids.Length).Where(r => models[0].Requests[r].Exists).ToList();
        var deadline = DateTime.UtcNow + SettleTime;
        var stored = await store.ReadAsync(ids);
        while (!Settled(models, ids, requester, stored) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll);
            stored = await store.ReadAsync(ids);
        }

        foreach (var state in stored.Values)
        {
            var outcomes = state.History.Count(
                h => h.Event is "approved" or "denied" or "cancelled" or "expired");
            Assert.True(outcomes <= 1,
                $"More than one outcome is stored: {string.Join(", ", state.History.Select(h => h.Event))}");
            Assert.True(state.Status is not (ApprovalStatus.Approved or ApprovalStatus.Denied)
                || (Approvers.Contains(state.DecidedBy!) && state.DecidedBy != requester),
                $"A request was decided by {state.DecidedBy}, who may not decide it.");
        }

        var differences = models.Select(m => Differences(m, ids, requester, stored)).ToList();
        Assert.True(differences.Any(d => d.Length == 0),
            "PostgreSQL holds none of the model's possible states:" + Environment.NewLine +
            string.Join(Environment.NewLine, differences));
        Agreement.Holds(existing.Select(r => ids[r]), stored, new RecordedSlackView(slack));
    }

    /// <summary>No Slack call owed, and the stored requests are in one of the model's states.</summary>
    private static bool Settled(IReadOnlyList<ApprovalModel> models, string[] ids, string requester,
        IReadOnlyDictionary<string, ApprovalState> stored) =>
        stored.Values.All(s => s.Outbox.Count == 0)
        && models.Any(m => Differences(m, ids, requester, stored).Length == 0);

    /// <summary>
    /// How the stored requests differ from <paramref name="model"/>; empty when they match it.
    /// </summary>
    private static string Differences(
        ApprovalModel model, string[] ids, string requester,
        IReadOnlyDictionary<string, ApprovalState> stored)
    {
        var found = new List<string>();
        for (var r = 0; r < ids.Length; r++)
        {
            var expected = model.Requests[r];
            var state = stored.GetValueOrDefault(ids[r]);
            var status = model.IsOverdue(r) ? ApprovalStatus.Expired : expected.Status;
            var decider = expected.DecidedBy?.UserId(requester);
            var decided = expected.Status is ApprovalStatus.Approved or ApprovalStatus.Denied;
            if ((state?.Status ?? ApprovalStatus.None) != status || (decided && state!.DecidedBy != decider))
            {
                found.Add($"request {r} ({ids[r]}): model {status} by {decider ?? "-"}, " +
                    $"stored {state?.Status.ToString() ?? "nothing"} by {state?.DecidedBy ?? "-"}");
            }
        }

        return string.Join("; ", found);
    }
}
