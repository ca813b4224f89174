namespace ApprovalBot.Bench.Load;

/// <summary>
/// Runs numbered operations with a fixed number in flight: each worker starts the next operation as soon as
/// its last one finished. Bounded twice: no more than <c>count</c> operations, none started after
/// <c>limit</c>. An operation already started is always let finish, so its latency is recorded.
/// </summary>
public static class ClosedLoop
{
    public static async Task<int> RunAsync(
        int count,
        int inFlight,
        TimeSpan limit,
        Func<int, CancellationToken, Task> operation,
        CancellationToken cancellationToken)
    {
        var next = -1;
        var done = 0;
        var stopAt = DateTimeOffset.UtcNow + limit;
        var workerCount = Math.Max(1, Math.Min(inFlight, count));
        var workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested && DateTimeOffset.UtcNow < stopAt)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    return;
                }

                await operation(index, cancellationToken);
                Interlocked.Increment(ref done);
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return done;
    }
}
