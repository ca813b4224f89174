using System.Collections.Concurrent;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.Bench.Load;

/// <summary>
/// Watches the sandbox's approval channel and indexes every approval card by correlation id as it appears.
/// One poller for the whole run: thousands of waiters each re-checking the workspace on every change would
/// cost more than the product being measured. Messages are only ever appended there, so each poll reads only the
/// new tail, whatever the length of the run.
/// </summary>
public sealed class CardIndex : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private readonly SandboxWorkspace _workspace;
    private readonly ConcurrentDictionary<string, ApprovalCard> _cards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ApprovalCard>> _waiters =
        new(StringComparer.Ordinal);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _seenVersion = -1;
    private int _scanned;

    public CardIndex(SandboxWorkspace workspace)
    {
        _workspace = workspace;
        _loop = Task.Run(LoopAsync);
    }

    public int Count => _cards.Count;

    public ApprovalCard? Find(string correlationId) => _cards.GetValueOrDefault(correlationId);

    /// <summary>
    /// The card of <paramref name="correlationId"/> once posted; throws after <paramref name="limit"/>.
    /// </summary>
    public async Task<ApprovalCard> WaitAsync(string correlationId, TimeSpan limit, CancellationToken token)
    {
        if (_cards.TryGetValue(correlationId, out var card))
        {
            return card;
        }

        var waiter = _waiters.GetOrAdd(correlationId,
            _ => new TaskCompletionSource<ApprovalCard>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_cards.TryGetValue(correlationId, out card))
        {
            waiter.TrySetResult(card);
        }

        try
        {
            return await waiter.Task.WaitAsync(limit, token);
        }
        finally
        {
            _waiters.TryRemove(correlationId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Scan();
            await Task.Delay(Poll, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void Scan()
    {
        var version = _workspace.Version;
        if (version == _seenVersion)
        {
            return;
        }

        _seenVersion = version;
        var messages = _workspace.MessagesFrom(SandboxOptions.DefaultApprovalChannelId, _scanned);
        foreach (var message in messages)
        {
            if (!message.IsDeleted && ApprovalCard.From(message) is { } card
                && _cards.TryAdd(card.CorrelationId, card)
                && _waiters.TryGetValue(card.CorrelationId, out var waiter))
            {
                waiter.TrySetResult(card);
            }
        }

        _scanned += messages.Count;
    }
}
