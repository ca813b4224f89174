using System.Diagnostics;
using ApprovalBot.Api.Commands;
using ApprovalBot.Grains;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Resilience.Tests.Faults;

/// <summary>
/// A steady stream of work while a fault comes and goes: <c>/approve</c> through the Api, and a few requests
/// behind, an approval of each straight at its grain, so the test knows exactly which decisions were
/// acknowledged.
/// </summary>
public sealed class OutageWorkload : IAsyncDisposable
{
    private static readonly TimeSpan PostWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CallWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Requests left waiting before the stream decides the oldest, so an outage finds some to decide.
    /// </summary>
    private const int Backlog = 3;

    /// <summary>
    /// A user's pace, not a flood: an outage answered at once would otherwise fill the sandbox.
    /// </summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    private readonly PrivateProduct _product;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<StreamStep> _steps = [];
    private Task _loop = Task.CompletedTask;

    private OutageWorkload(PrivateProduct product) => _product = product;

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<StreamStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    public static OutageWorkload Start(PrivateProduct product)
    {
        var stream = new OutageWorkload(product);
        stream._loop = Task.Run(stream.RunAsync);
        return stream;
    }

    /// <summary>
    /// Waits until the steps so far satisfy <paramref name="condition"/>; the stream's own failure wins.
    /// </summary>
    public async Task WaitForAsync(
        Func<IReadOnlyList<StreamStep>, bool> condition, string expectation, TimeSpan timeout)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(condition(Steps) || _loop.IsCompleted), expectation,
            timeout);
        await (_loop.IsCompleted ? _loop : Task.CompletedTask);
        Assert.True(condition(Steps), $"Expected {expectation}; the stream ended first.");
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var undecided = new Queue<string>();
        for (var n = 1; !_stop.IsCancellationRequested; n++)
        {
            var start = Now;
            var reply = await _product.Sandbox.CommandAsync(SandboxUsers.Alice, $"stream-{n}@example.com");
            var created = reply.CorrelationId is not null;
            if (!created && reply.Text != CommandReplies.NotConfirmed)
            {
                throw new InvalidOperationException($"Unexpected reply to a command: {reply.Text}");
            }

            Record(new StreamStep(false, reply.CorrelationId, start, Now,
                created ? StepResult.Created : StepResult.NotConfirmed));
            if (created)
            {
                undecided.Enqueue(reply.CorrelationId!);
            }

            if (undecided.Count > Backlog || (!created && undecided.Count > 0))
            {
                await DecideAsync(undecided.Dequeue());
            }

            await Task.Delay(Pace);
        }
    }

    private async Task DecideAsync(string correlationId)
    {
        try
        {
            await _product.Sandbox.WaitForApprovalMessageAsync(correlationId).WaitAsync(PostWait);
        }
        catch (TimeoutException)
        {
            return;
        }

        var message = SandboxFlow.ApprovalMessage(_product.Sandbox.Workspace, correlationId)!;
        var request = new DecisionRequest(SandboxUsers.Bob, SandboxFlow.ApprovalChannel,
            ButtonTokens.Of(message) ?? "", DecisionKind.Approve);
        var start = Now;
        StepResult result;
        try
        {
            var decision = await _product.Cluster.Grains.GetGrain<IApprovalGrain>(correlationId)
                .DecideAsync(request).WaitAsync(CallWait);
            result = decision.Outcome == DecisionOutcome.Accepted ? StepResult.Accepted : StepResult.Refused;
        }
        catch (OrleansException)
        {
            result = StepResult.Failed;
        }
        catch (TimeoutException)
        {
            result = StepResult.Unknown;
        }

        Record(new StreamStep(true, correlationId, start, Now, result));
    }

    private void Record(StreamStep step)
    {
        lock (_gate)
        {
            _steps.Add(step);
        }
    }
}
