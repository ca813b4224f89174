using ApprovalBot.Grains;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.TestSupport.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// Plays a <see cref="Run"/> against a real cluster with fresh correlation ids and a requester of its own, checks
/// every answer against <see cref="ApprovalModel"/>, then checks what PostgreSQL and Slack hold, before and after
/// the run's remaining requests time out.
/// </summary>
public sealed class RunExecutor(ApprovalTestContext context, FakeTimeProvider time, Func<IClusterClient> client)
{
    private const int Slots = 3;
    private static readonly TimeSpan CallWait = TimeSpan.FromSeconds(30);
    private static readonly HashSet<string> Approvers = [TestIds.Approver1, TestIds.Approver2, TestIds.Approver3];

    public RunStatistics Statistics { get; } = new();

    /// <summary>Stops and starts the cluster; set by tests whose runs contain <see cref="RestartOp"/>.</summary>
    public Func<Task>? RestartAsync { get; init; }

    public async Task ExecuteAsync(Run run)
    {
        Statistics.CountRun();
        context.Slack.Reset();
        var ids = Enumerable.Range(0, Slots).Select(_ => GrainDriver.NewCorrelationId()).ToArray();
        var requester = $"U0PROP{Statistics.Runs:D6}";
        var tokens = new string?[Slots];
        var model = new ApprovalModel(Slots, time.GetUtcNow());
        foreach (var batch in run.Batches)
        {
            if (batch is [RestartOp])
            {
                await (RestartAsync ?? throw new InvalidOperationException("This executor cannot restart."))();
                Statistics.CountRestart();
                continue;
            }

            var calls = batch.SelectMany(op => op is ClickOp { Twice: true } ? new[] { op, op } : [op])
                .Select(op => new Call(op, op is ClickOp click && tokens[click.Request] is not null)).ToList();
            var answers = await Task.WhenAll(calls.Select(call =>
                Task.Run(() => AnswerAsync(call, ids, requester, tokens))));
            Statistics.CountBatch(calls.Count);
            Array.ForEach(answers, Statistics.CountAnswer);
            model = Linearization.Apply(model, calls, answers);
            await LearnTokensAsync(model, ids, tokens);
        }

        await CheckAsync(model, ids, requester);
        model.Advance(ApprovalModel.Timeout);
        time.Advance(ApprovalModel.Timeout);
        await CheckAsync(model, ids, requester);
    }

    private async Task<string> AnswerAsync(Call call, string[] ids, string requester, string?[] tokens)
    {
        switch (call.Op)
        {
            case SubmitOp submit:
                var submission = GrainDriver.Submission(requester, ApprovalModel.Timeout);
                return (await Grain(ids[submit.Request]).SubmitAsync(submission).WaitAsync(CallWait)).Outcome
                    .ToString();
            case CancelOp cancel:
                var canceller = cancel.ByRequester ? requester : TestIds.Approver1;
                return (await Grain(ids[cancel.Request]).CancelAsync(new CancelRequest(canceller))
                    .WaitAsync(CallWait)).Outcome.ToString();
            case ClickOp click:
                var request = new DecisionRequest(UserOf(click.Clicker, requester), TestIds.ApprovalChannel,
                    call.TokenKnown ? tokens[click.Request]! : "not-the-token",
                    click.Approve ? DecisionKind.Approve : DecisionKind.Deny);
                return (await Grain(ids[click.Request]).DecideAsync(request).WaitAsync(CallWait)).Outcome.ToString();
            case AdvanceOp advance:
                time.Advance(TimeSpan.FromMinutes(advance.Minutes));
                return "advanced";
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call.Op, "not an operation of one batch");
        }
    }

    private IApprovalGrain Grain(string id) => client().GetGrain<IApprovalGrain>(id);

    private static string UserOf(Actor actor, string requester) => actor switch
    {
        Actor.Approver1 => TestIds.Approver1,
        Actor.Approver2 => TestIds.Approver2,
        Actor.Requester => requester,
        _ => TestIds.Outsider,
    };

    /// <summary>Reads each new request's token off its posted buttons (none when it closed before being posted).</summary>
    private async Task LearnTokensAsync(ApprovalModel model, string[] ids, string?[] tokens)
    {
        for (var r = 0; r < Slots; r++)
        {
            if (tokens[r] is not null || !model.Requests[r].Exists)
            {
                continue;
            }

            var id = ids[r];
            var slack = new RecordedSlackView(context.Slack);
            await context.Slack.WaitForAsync(_ => slack.For(id, "").ApprovalMessages > 0,
                $"the approval message of {id} to be posted");
            tokens[r] = GrainDriver.TokenOf(context.Slack, id);
        }
    }

    /// <summary>
    /// Every request as stored: the model's status (an overdue one may still be pending until its reminder
    /// ticks), at most one outcome, decided only by an approver who is not the requester, and Slack agreeing.
    /// </summary>
    private async Task CheckAsync(ApprovalModel model, string[] ids, string requester)
    {
        var existing = Enumerable.Range(0, Slots).Where(r => model.Requests[r].Exists).ToList();
        foreach (var r in existing)
        {
            // A read activates the grain, which sends whatever Slack calls a restart interrupted.
            await Grain(ids[r]).GetSnapshotAsync().WaitAsync(CallWait);
        }

        var store = new StoredRequests(context.ConnectionString, context.ServiceId, client().ServiceProvider);
        var stored = await store.DrainedAsync(ids: ids,
            settled: s => existing.All(r => s.TryGetValue(ids[r], out var state) && Settled(model, r, state)));
        for (var r = 0; r < Slots; r++)
        {
            var state = stored.GetValueOrDefault(ids[r]);
            var expected = model.Requests[r];
            var where = $"request {r} ({ids[r]})";
            Assert.True(expected.Exists == state is not null, $"{where}: model exists {expected.Exists}, stored {state?.Status}.");
            if (state is null)
            {
                continue;
            }

            Assert.Equal(model.IsOverdue(r) ? ApprovalStatus.Expired : expected.Status, state.Status);
            Assert.Equal(state.IsTerminal ? 1 : 0,
                state.History.Count(h => h.Event is "approved" or "denied" or "cancelled" or "expired"));
            if (state.Status is ApprovalStatus.Approved or ApprovalStatus.Denied)
            {
                Assert.True(Approvers.Contains(state.DecidedBy!) && state.DecidedBy != requester,
                    $"{where} was decided by {state.DecidedBy}, who may not decide it.");
                Assert.Equal(UserOf(expected.DecidedBy!.Value, requester), state.DecidedBy);
            }
        }

        Agreement.Holds(existing.Select(r => ids[r]), stored, new RecordedSlackView(context.Slack));
    }

    /// <summary>Stored as the model says, once an overdue request's reminder has expired it.</summary>
    private static bool Settled(ApprovalModel model, int r, Grains.Approval.ApprovalState state) =>
        !model.IsOverdue(r) || state.Status == ApprovalStatus.Expired;
}
