using System.Collections.Concurrent;
using System.Globalization;
using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.TestSupport.Cluster;

/// <summary>One call the bot made to Slack, as the recording fake saw it.</summary>
public sealed record SlackCall(string Method, string Channel, string? Ts, string Text, object Request, bool Succeeded);

/// <summary>
/// A recording fake of <see cref="ISlackWebApi"/>: it answers like Slack, remembers every call, can be told to fail
/// the next calls of a method, and lets tests wait for a condition on what was recorded.
/// </summary>
public sealed class RecordingSlack : ISlackWebApi
{
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SlackFailure>> _failures = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SlackFailure>> _appliedFailures = new();
    private readonly object _signalLock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ts = 1_700_000_000_000_000;

    public IReadOnlyList<string> GroupMembers { get; set; } = [];

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    public IReadOnlyList<SlackCall> CallsOf(string method) => [.. _calls.Where(c => c.Method == method)];

    /// <summary>The calls of <paramref name="method"/> that Slack accepted.</summary>
    public IReadOnlyList<SlackCall> Succeeded(string method) =>
        [.. _calls.Where(c => c.Method == method && c.Succeeded)];

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> fail this way.</summary>
    public void FailNext(string method, int count, SlackFailure failure)
    {
        var queue = _failures.GetOrAdd(method, _ => new());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> take effect (a post shows in history)
    /// but answer with <paramref name="failure"/>, as when Slack's answer is lost.
    /// </summary>
    public void ApplyThenFailNext(string method, int count, SlackFailure failure)
    {
        var queue = _appliedFailures.GetOrAdd(method, _ => new());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(failure);
        }
    }

    public void Reset()
    {
        _calls.Clear();
        _failures.Clear();
        _appliedFailures.Clear();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever a call is recorded.</summary>
    public async Task WaitForAsync(Func<RecordingSlack, bool> condition, string expectation, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!condition(this))
        {
            Task changed;
            lock (_signalLock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", _calls.Select(c => $"{c.Method}({c.Channel})"));
                throw new TimeoutException($"Expected {expectation}; Slack saw: [{seen}]");
            }
        }
    }

    public Task<SlackResult<PostedMessage>> PostMessageAsync(
        PostMessageRequest request, CancellationToken cancellationToken = default) =>
        Answer("chat.postMessage", request.Channel, null, request.Message.Text, request,
            () => new PostedMessage(request.Channel, NextTs()));

    public Task<SlackResult<PostedMessage>> UpdateMessageAsync(
        UpdateMessageRequest request, CancellationToken cancellationToken = default) =>
        Answer("chat.update", request.Channel, request.Ts, request.Message.Text, request,
            () => new PostedMessage(request.Channel, request.Ts));

    public Task<SlackResult<SlackUnit>> PostEphemeralAsync(
        PostEphemeralRequest request, CancellationToken cancellationToken = default) =>
        Answer("chat.postEphemeral", request.Channel, null, request.Message.Text, request, () => new SlackUnit());

    public Task<SlackResult<SlackUnit>> OpenViewAsync(
        OpenViewRequest request, CancellationToken cancellationToken = default) =>
        Answer("views.open", "", null, request.TriggerId, request, () => new SlackUnit());

    /// <summary>Every accepted post to the channel, newest first, on one page (<c>oldest</c> is not applied).</summary>
    public Task<SlackResult<HistoryPage>> ReadHistoryAsync(
        HistoryRequest request, CancellationToken cancellationToken = default)
    {
        var posts = _calls
            .Where(c => c is { Method: "chat.postMessage", Succeeded: true } && c.Channel == request.Channel)
            .Reverse()
            .Select(c => new HistoryMessage(c.Ts!, [.. ((PostMessageRequest)c.Request).Message.Blocks
                .Select(b => b.BlockId).OfType<string>()]))
            .ToList();
        return Answer("conversations.history", request.Channel, null, "", request,
            () => new HistoryPage(posts, NextCursor: null));
    }

    public Task<SlackResult<IReadOnlyList<string>>> ListUserGroupMembersAsync(
        string userGroupId, CancellationToken cancellationToken = default) =>
        Answer("usergroups.users.list", userGroupId, null, "", userGroupId, () => GroupMembers);

    public Task<SlackResult<SlackUnit>> PostToResponseUrlAsync(
        string responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default) =>
        Answer("response_url", responseUrl, null, message.Message.Text, message, () => new SlackUnit());

    private Task<SlackResult<T>> Answer<T>(
        string method, string channel, string? ts, string text, object request, Func<T> success)
    {
        SlackResult<T> result;
        if (_failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure))
        {
            result = SlackResult<T>.Fail(failure);
        }
        else if (_appliedFailures.TryGetValue(method, out var applied) && applied.TryDequeue(out var lost))
        {
            var value = success();
            _calls.Enqueue(new SlackCall(method, channel, ts ?? (value as PostedMessage)?.Ts, text, request, true));
            Signal();
            return Task.FromResult(SlackResult<T>.Fail(lost));
        }
        else
        {
            var value = success();
            result = SlackResult<T>.Ok(value);
            ts ??= (value as PostedMessage)?.Ts;
        }

        _calls.Enqueue(new SlackCall(method, channel, ts, text, request, result.IsOk));
        Signal();
        return Task.FromResult(result);
    }

    private string NextTs()
    {
        var micros = Interlocked.Increment(ref _ts);
        return (micros / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." +
            (micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_signalLock)
        {
            previous = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
