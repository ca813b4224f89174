namespace ApprovalBot.Grains.Index;

/// <summary>
/// Keeps one shard of a channel's open requests. Changes are written at most once per
/// <see cref="WriteDelay"/> (and on deactivation) so that a busy channel costs the database one write per shard
/// per interval rather than two per request. The price: a silo crash can lose the last interval's changes to this
/// list; entries that outlive their request are filtered out when listed, and the approval grain, not this index,
/// decides every request.
/// </summary>
public sealed class OpenRequestsGrain(
    [PersistentState("openRequests", "approvals")] IPersistentState<OpenRequestsState> state)
    : Grain, IOpenRequestsGrain
{
    private static readonly TimeSpan WriteDelay = TimeSpan.FromSeconds(1);
    private IGrainTimer? _pendingWrite;

    public Task AddAsync(OpenRequest request)
    {
        state.State.Open[request.CorrelationId] = request;
        ScheduleWrite();
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string correlationId)
    {
        if (state.State.Open.Remove(correlationId))
        {
            ScheduleWrite();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OpenRequest>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OpenRequest>>([.. state.State.Open.Values.OrderByDescending(r => r.CreatedAt)]);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pendingWrite is not null)
        {
            await WriteAsync(cancellationToken);
        }
    }

    private void ScheduleWrite() =>
        _pendingWrite ??= this.RegisterGrainTimer(
            WriteAsync, new GrainTimerCreationOptions(WriteDelay, Timeout.InfiniteTimeSpan));

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        _pendingWrite?.Dispose();
        _pendingWrite = null;
        await state.WriteStateAsync(CancellationToken.None);
    }
}
