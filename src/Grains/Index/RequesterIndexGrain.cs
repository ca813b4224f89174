using Microsoft.Extensions.DependencyInjection;

namespace ApprovalBot.Grains.Index;

/// <summary>
/// Keeps one requester's open correlation ids in PostgreSQL. Entries are added before the approval grain stores its
/// request and removed when it closes, so a crash in between can leave an entry whose request never existed; such
/// entries are checked with the approval grain and dropped whenever they would refuse or match a new request.
/// A reservation is written before it is answered. A removal takes effect in memory at once but is written with the
/// next reservation, or after <see cref="RemovalWriteDelay"/>, or on deactivation, whichever comes first: a
/// requester who submits often costs one write per request, not two, and a crash only leaves entries that the check
/// above drops.
/// </summary>
public sealed class RequesterIndexGrain(
    [PersistentState("requesterIndex", "approvals")] IPersistentState<RequesterIndexState> state,
    [FromKeyedServices(ApprovalClock.ServiceKey)] TimeProvider clock) : Grain, IRequesterIndexGrain
{
    /// <summary>An entry younger than this may belong to a request still being stored; it is never dropped.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    /// <summary>The longest a removal waits for a write to carry it.</summary>
    private static readonly TimeSpan RemovalWriteDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? _pendingWrite;

    public async Task<ReserveResult> ReserveAsync(RequesterIndexEntry entry, int maxPending)
    {
        var existing = state.State.Open.FirstOrDefault(e => e.CorrelationId == entry.CorrelationId);
        if (existing is not null)
        {
            return new ReserveResult(ReserveOutcome.Reserved, OpenCount: state.State.Open.Count);
        }

        var duplicate = state.State.Open.FirstOrDefault(e => IsSameRequest(e, entry));
        if (duplicate is not null && await IsStillOpenAsync(duplicate))
        {
            return new ReserveResult(ReserveOutcome.Duplicate, duplicate.CorrelationId, state.State.Open.Count);
        }

        if (state.State.Open.Count >= maxPending && await PruneAsync() >= maxPending)
        {
            return new ReserveResult(ReserveOutcome.TooManyPending, OpenCount: state.State.Open.Count);
        }

        state.State.Open.Add(entry);
        await WriteOrClearAsync();
        return new ReserveResult(ReserveOutcome.Reserved, OpenCount: state.State.Open.Count);
    }

    public Task RemoveAsync(string correlationId)
    {
        if (state.State.Open.RemoveAll(e => e.CorrelationId == correlationId) > 0)
        {
            WriteSoon();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pendingWrite is not null)
        {
            await WriteOrClearAsync();
        }
    }

    public Task<IReadOnlyList<RequesterIndexEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RequesterIndexEntry>>(
            [.. state.State.Open.OrderByDescending(e => e.CreatedAt)]);

    /// <summary>
    /// Same address (any case) and same reason, however spaced: a user re-running a command that timed out
    /// retypes it and rarely puts the same spaces between the words.
    /// </summary>
    private static bool IsSameRequest(RequesterIndexEntry a, RequesterIndexEntry b) =>
        string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Words(a.Reason), Words(b.Reason), StringComparison.Ordinal);

    private static string Words(string? reason) =>
        string.Join(' ', (reason ?? "").Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));

    private async Task<bool> IsStillOpenAsync(RequesterIndexEntry entry)
    {
        if (clock.GetUtcNow() - entry.CreatedAt < SettleTime)
        {
            return true;
        }

        var snapshot = await GrainFactory.GetGrain<IApprovalGrain>(entry.CorrelationId).GetSnapshotAsync();
        if (snapshot is { Status: ApprovalStatus.Pending })
        {
            return true;
        }

        state.State.Open.Remove(entry);
        WriteSoon();
        return false;
    }

    private async Task<int> PruneAsync()
    {
        foreach (var entry in state.State.Open.ToList())
        {
            await IsStillOpenAsync(entry);
        }

        return state.State.Open.Count;
    }

    private void WriteSoon() =>
        _pendingWrite ??= this.RegisterGrainTimer(
            _ => WriteOrClearAsync(), new GrainTimerCreationOptions(RemovalWriteDelay, Timeout.InfiniteTimeSpan));

    /// <summary>Writes the whole list, which carries every removal still waiting for a write.</summary>
    private Task WriteOrClearAsync()
    {
        _pendingWrite?.Dispose();
        _pendingWrite = null;
        return state.State.Open.Count == 0 ? state.ClearStateAsync() : state.WriteStateAsync();
    }
}
