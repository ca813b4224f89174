using ApprovalBot.Grains;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.TestSupport.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// Plays a <see cref="Run"/> against a real cluster with fresh correlation ids and a requester of its own,
/// checks every answer against <see cref="ApprovalModel"/>, then checks what PostgreSQL and Slack hold,
/// before and after the run's remaining requests time out.
/// </summary>
public sealed class RunExecutor(
    ApprovalTestContext context, FakeTimeProvider time, Func<IClusterClient> client)
{
    public const int Slots = 3;
    private static readonly TimeSpan CallWait = TimeSpan.FromSeconds(30);

    public RunStatistics Statistics { get; } = new();

    /// <summary>
    /// Stops and starts the cluster; set by tests whose runs contain <see cref="RestartOp"/>.
    /// </summary>
    public Func<Task>? RestartAsync { get; init; }

    public async Task ExecuteAsync(Run run)
    {
        Statistics.CountRun();
        context.Slack.Reset();
        var ids = Enumerable.Range(0, Slots).Select(_ => GrainDriver.NewCorrelationId()).ToArray();
        var requester = $"U0PROP{Statistics.Runs:D6}";
        var tokens = new string?[Slots];
        var origin = time.GetUtcNow();
        IReadOnlyList<ApprovalModel> models = [new ApprovalModel(Slots, origin)];
        foreach (var batch in run.Batches)
        {
            if (batch is [RestartOp])
            {
                var restart = RestartAsync
                    ?? throw new InvalidOperationException("This executor cannot restart.");
                await restart();
                Statistics.CountRestart();
                continue;
            }

            var calls = batch.SelectMany(op => op is ClickOp { Twice: true } ? new[] { op, op } : [op])
                .Select(op => new Call(op, op is ClickOp click && tokens[click.Request] is not null))
                .ToList();
            var answers = await Task.WhenAll(calls.Select(call =>
                Task.Run(() => AnswerAsync(call, ids, requester, tokens, origin))));
            Statistics.CountBatch(calls.Count);
            Array.ForEach(answers, Statistics.CountAnswer);
            models = Linearization.Apply(models, calls, answers);
            await LearnTokensAsync(models[0], ids, tokens);
        }

        await CheckAsync(models, ids, requester);
        foreach (var model in models)
        {
            model.Advance(ApprovalModel.Timeout);
        }

        time.Advance(ApprovalModel.Timeout);
        await CheckAsync(models, ids, requester);
    }

    private async Task CheckAsync(IReadOnlyList<ApprovalModel> models, string[] ids, string requester)
    {
        var existing = Enumerable.Range(0, Slots).Where(r => models[0].Requests[r].Exists).ToList();
        foreach (var r in existing)
        {
            // A read activates the grain, which sends whatever Slack calls a restart interrupted.
            await Grain(ids[r]).GetSnapshotAsync().WaitAsync(CallWait);
        }

        var store = new StoredRequests(context.ConnectionString, context.ServiceId, client().ServiceProvider);
        await RunChecks.HoldAsync(models, ids, requester, store, context.Slack);
    }

    private async Task<string> AnswerAsync(
        Call call, string[] ids, string requester, string?[] tokens, DateTimeOffset origin)
    {
        switch (call.Op)
        {
            case SubmitOp submit:
                var submission = GrainDriver.Submission(requester, ApprovalModel.Timeout);
                var created = await Grain(ids[submit.Request]).SubmitAsync(submission).WaitAsync(CallWait);
                return ApprovalModel.SubmitAnswer(created.Outcome, created.Deadline, origin);
            case CancelOp cancel:
                var canceller = cancel.ByRequester ? requester : TestIds.Approver1;
                return (await Grain(ids[cancel.Request]).CancelAsync(new CancelRequest(canceller))
                    .WaitAsync(CallWait)).Outcome.ToString();
            case ClickOp click:
                var request = new DecisionRequest(click.Clicker.UserId(requester), TestIds.ApprovalChannel,
                    call.TokenKnown ? tokens[click.Request]! : "not-the-token",
                    click.Approve ? DecisionKind.Approve : DecisionKind.Deny);
                var decided = await Grain(ids[click.Request]).DecideAsync(request).WaitAsync(CallWait);
                return decided.Outcome.ToString();
            case AdvanceOp advance:
                time.Advance(TimeSpan.FromMinutes(advance.Minutes));
                return "advanced";
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call.Op, "not an operation of one batch");
        }
    }

    private IApprovalGrain Grain(string id) => client().GetGrain<IApprovalGrain>(id);

    /// <summary>
    /// Reads each new request's token off its posted buttons (none when it closed before being posted).
    /// </summary>
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
}
