using System.Security.Cryptography;
using System.Text;
using ApprovalBot.Grains.Diagnostics;
using ApprovalBot.Grains.Policy;
using ApprovalBot.Slack;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Grains.Approval;

/// <summary>
/// One approval request, top to bottom: submitted, posted to the approval channel, waiting (deactivated, costing
/// nothing) until an approver clicks or the deadline passes, then closed with exactly one outcome, the channel
/// message rewritten and the requester told. State is written before any Slack call; Slack calls owed are kept in
/// the state's outbox and retried until Slack confirms them or says they never can succeed.
/// </summary>
[CollectionAgeLimit(Minutes = 2)] // A waiting request costs ~0.5 KiB deactivated and several KiB active.
public sealed partial class ApprovalGrain : Grain, IApprovalGrain, IRemindable
{
    internal const string ReminderName = "approval";
    private const string StorageName = "approvals";
    private const string StateName = "approval";

    private readonly IPersistentState<ApprovalState> _state;
    private readonly ApprovalOptions _options;
    private readonly SlackOptions _slack;
    private readonly TimeProvider _clock;
    private readonly IApproverPolicy _approvers;
    private readonly ApprovalSlackCalls _slackCalls;
    private readonly ApprovalMetrics _metrics;
    private readonly ILogger<ApprovalGrain> _logger;
    private IGrainTimer? _outboxTimer;

    /// <summary>Calls that already hold a posting slot in this activation, so a retry does not queue twice.</summary>
    private readonly HashSet<long> _pacedCalls = [];

    /// <summary>
    /// Calls this activation queued and has not yet sent with an unknown result. Any other call that creates a
    /// card (loaded from storage after a crash, or cut off by a timeout) may already have reached Slack.
    /// </summary>
    private readonly HashSet<long> _certainlyUnsent = [];

    public ApprovalGrain(
        [PersistentState(StateName, StorageName)] IPersistentState<ApprovalState> state,
        IOptions<ApprovalOptions> options,
        IOptions<SlackOptions> slack,
        [FromKeyedServices(ApprovalClock.ServiceKey)] TimeProvider clock,
        IApproverPolicy approvers,
        ApprovalSlackCalls slackCalls,
        ApprovalMetrics metrics,
        ILogger<ApprovalGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _slack = slack.Value;
        _clock = clock;
        _approvers = approvers;
        _slackCalls = slackCalls;
        _metrics = metrics;
        _logger = logger;
    }

    private ApprovalState State => _state.State;

    private string CorrelationId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => _clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A deadline that passed while nothing was active (cluster down, tick lost) is made good here.
        if (State.Status == ApprovalStatus.Pending && Now >= State.Deadline)
        {
            await ExpireAsync("deadline passed before activation");
        }

        ScheduleOutbox(TimeSpan.Zero);
    }

    // ---- 1. Submission ---------------------------------------------------------------------------------------

    public async Task<SubmitResult> SubmitAsync(ApprovalSubmission submission)
    {
        if (State.Status != ApprovalStatus.None)
        {
            return new SubmitResult(SubmitOutcome.AlreadyExists, CorrelationId, State.ChannelId, State.Deadline);
        }

        var problem = ValidateSubmission(submission, out var timeout);
        if (problem is not null)
        {
            return problem;
        }

        var reason = ApprovalText.CapReason(submission.Reason);
        var now = Now;
        var reservation = await RequesterIndex(submission).ReserveAsync(
            new RequesterIndexEntry(CorrelationId, submission.Email, reason, now, now + timeout),
            _options.MaxPendingPerRequester);
        if (reservation.Outcome == ReserveOutcome.Duplicate)
        {
            return new SubmitResult(SubmitOutcome.Duplicate, reservation.ExistingCorrelationId!);
        }

        if (reservation.Outcome == ReserveOutcome.TooManyPending)
        {
            return new SubmitResult(
                SubmitOutcome.TooManyPending, CorrelationId, Limit: _options.MaxPendingPerRequester);
        }

        try
        {
            Open(submission, reason, now, timeout);

            // The reminder first: a request stored without one would never time out. A reminder left without a
            // request (the write below failed) finds no state on its first tick and removes itself.
            await ScheduleWakeUpAsync();
            await _state.WriteStateAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _state.State = new ApprovalState();
            await ForgetReservationAsync(submission);
            throw;
        }

        ScheduleOutbox(TimeSpan.Zero);
        _metrics.RequestCreated();
        LogInformationRequestCreated(_logger, CorrelationId, State.RequesterUserId, State.Deadline);
        await IndexesAsync(() => OpenRequests().AddAsync(new OpenRequest(
            CorrelationId, State.RequesterUserId, State.Email, State.CreatedAt, State.Deadline)));
        return new SubmitResult(SubmitOutcome.Created, CorrelationId, State.ChannelId, State.Deadline);
    }

    /// <summary>Best effort: a reservation whose request was never stored would block a retry for a while.</summary>
    private async Task ForgetReservationAsync(ApprovalSubmission submission)
    {
        try
        {
            await RequesterIndex(submission).RemoveAsync(CorrelationId);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogWarningIndexUpdateFailed(_logger, CorrelationId, e.GetType().Name);
        }
    }

    private SubmitResult? ValidateSubmission(ApprovalSubmission submission, out TimeSpan timeout)
    {
        timeout = submission.Timeout ?? _options.Timeout;
        var emailProblem = EmailAddress.Validate(submission.Email);
        if (emailProblem is not null)
        {
            return new SubmitResult(SubmitOutcome.InvalidEmail, CorrelationId, Problem: emailProblem);
        }

        if (timeout <= TimeSpan.Zero || timeout > _options.MaxTimeout)
        {
            return new SubmitResult(SubmitOutcome.InvalidTimeout, CorrelationId,
                Problem: $"The timeout must be positive and at most {ApprovalText.Duration(_options.MaxTimeout)}.");
        }

        return null;
    }

    private void Open(ApprovalSubmission submission, string? reason, DateTimeOffset now, TimeSpan timeout)
    {
        State.Status = ApprovalStatus.Pending;
        State.TeamId = submission.TeamId;
        State.RequesterUserId = submission.RequesterUserId;
        State.RequesterName = submission.RequesterName;
        State.Email = submission.Email;
        State.Reason = reason;
        State.CreatedAt = now;
        State.Deadline = now + timeout;
        State.CallbackToken = NewCallbackToken();
        State.RequiredApprovals = _options.RequiredApprovals;
        State.ChannelId = _slack.ApprovalChannelId;
        State.ResponseUrl = submission.ResponseUrl;
        State.History.Add(new HistoryEntry(now, "created", submission.RequesterUserId, submission.Email));
        Enqueue(SlackCallKind.PostApprovalMessage);
    }

    // ---- 2. A click ------------------------------------------------------------------------------------------

    public async Task<DecisionResult> DecideAsync(DecisionRequest request)
    {
        var refusal = await CheckClickAsync(request);
        if (refusal is not null)
        {
            LogInformationClickRefused(_logger, CorrelationId, request.ClickerUserId, refusal.Outcome);
            return refusal;
        }

        var now = Now;
        if (request.Kind == DecisionKind.Approve)
        {
            State.Approvals.Add(new ApprovalVote(request.ClickerUserId, now));
            State.History.Add(new HistoryEntry(now, "approval", request.ClickerUserId));
            if (State.Approvals.Count < State.RequiredApprovals)
            {
                State.Revision++;
                Enqueue(SlackCallKind.UpdateApprovalMessage);
                if (State.EscalationChannelId is not null)
                {
                    Enqueue(SlackCallKind.UpdateEscalationMessage);
                }

                await WriteDecisionAsync();
                ScheduleOutbox(TimeSpan.Zero);
                return Result(DecisionOutcome.RecordedAwaitingMoreApprovals);
            }
        }

        var status = request.Kind == DecisionKind.Approve ? ApprovalStatus.Approved : ApprovalStatus.Denied;
        await CloseAsync(status, request.ClickerUserId, request.Reason);
        return Result(DecisionOutcome.Accepted);
    }

    public async Task<DecisionResult> CheckDecisionAsync(DecisionRequest request) =>
        await CheckClickAsync(request) ?? Result(DecisionOutcome.Accepted);

    /// <summary>Every reason a click may change nothing, in the order the clicker should learn of them.</summary>
    private async Task<DecisionResult?> CheckClickAsync(DecisionRequest request)
    {
        if (State.Status == ApprovalStatus.None)
        {
            return new DecisionResult(DecisionOutcome.NotFound, ApprovalStatus.None);
        }

        if (!TokenMatches(request.CallbackToken))
        {
            return Result(DecisionOutcome.BadToken);
        }

        if (!IsDecisionChannel(request.ChannelId))
        {
            return Result(DecisionOutcome.WrongChannel);
        }

        if (State.Status == ApprovalStatus.Pending && Now >= State.Deadline)
        {
            await ExpireAsync("deadline passed before a click");
        }

        if (State.IsTerminal)
        {
            return Result(State.Status switch
            {
                ApprovalStatus.Expired => DecisionOutcome.Expired,
                ApprovalStatus.Cancelled => DecisionOutcome.Cancelled,
                _ => DecisionOutcome.AlreadyDecided,
            });
        }

        if (request.ClickerUserId == State.RequesterUserId && !_options.AllowSelfApproval)
        {
            return Result(DecisionOutcome.OwnRequest);
        }

        if (!await _approvers.MayDecideAsync(request.ClickerUserId))
        {
            return Result(DecisionOutcome.NotAnApprover);
        }

        var counted = State.Approvals.Any(a => a.ApproverUserId == request.ClickerUserId);
        return counted && request.Kind == DecisionKind.Approve ? Result(DecisionOutcome.AlreadyCounted) : null;
    }

    private bool TokenMatches(string presented) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(State.CallbackToken));

    private bool IsDecisionChannel(string channelId) =>
        channelId == State.ChannelId
        || (!string.IsNullOrEmpty(State.EscalationChannelId) && channelId == State.EscalationChannelId);

    private DecisionResult Result(DecisionOutcome outcome) =>
        new(outcome, State.Status, State.DecidedBy, State.ClosedAt, State.Approvals.Count, State.RequiredApprovals);

    // ---- 3. Cancellation -------------------------------------------------------------------------------------

    public async Task<CancelResult> CancelAsync(CancelRequest request)
    {
        if (State.Status == ApprovalStatus.None)
        {
            return new CancelResult(CancelOutcome.NotFound, ApprovalStatus.None);
        }

        if (request.UserId != State.RequesterUserId)
        {
            return new CancelResult(CancelOutcome.NotRequester, State.Status);
        }

        if (State.Status == ApprovalStatus.Pending && Now >= State.Deadline)
        {
            await ExpireAsync("deadline passed before cancellation");
        }

        if (State.IsTerminal)
        {
            return new CancelResult(CancelOutcome.AlreadyClosed, State.Status, State.ClosedAt);
        }

        await CloseAsync(ApprovalStatus.Cancelled, request.UserId, null);
        return new CancelResult(CancelOutcome.Cancelled, State.Status, State.ClosedAt);
    }

    // ---- 4. The timeout --------------------------------------------------------------------------------------

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Status == ApprovalStatus.None)
        {
            await UnregisterReminderAsync();
            return;
        }

        // Ticks may repeat or arrive late; the stored deadline, not the tick, decides.
        if (State.Status == ApprovalStatus.Pending && Now >= State.Deadline)
        {
            await ExpireAsync("reminder");
        }

        if (State.IsTerminal && State.Outbox.Count == 0 && Now >= State.ClosedAt + _options.Retention)
        {
            await ForgetAsync();
            return;
        }

        if (State.Status == ApprovalStatus.Pending && Nudge())
        {
            await _state.WriteStateAsync();
            await ScheduleWakeUpAsync();
        }

        await DrainOutboxAsync(CancellationToken.None);
    }

    /// <summary>
    /// Reminds approvers and escalates when their time has come. Several reminders that fell due while the cluster
    /// was down become one: a burst of nudges helps nobody.
    /// </summary>
    private bool Nudge()
    {
        var now = Now;
        var changed = false;
        var due = ApprovalSchedule.RemindersDue(_options, State, now);
        if (due > 0)
        {
            State.RemindersSent += due;
            State.History.Add(new HistoryEntry(now, "reminded", "schedule"));
            Enqueue(SlackCallKind.PostReminder);
            changed = true;
        }

        if (ApprovalSchedule.EscalationDue(_options, _slack, State, now))
        {
            State.EscalationChannelId = _slack.EscalationChannelId;
            State.History.Add(new HistoryEntry(now, "escalated", "schedule", _slack.EscalationChannelId));
            Enqueue(SlackCallKind.PostEscalation);
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Wakes the request at its next event (reminder, escalation, deadline), then every watchdog period.
    /// </summary>
    private async Task ScheduleWakeUpAsync()
    {
        var next = ApprovalSchedule.NextEvent(_options, _slack, State);
        await this.RegisterOrUpdateReminder(ReminderName, DueIn(next), _options.WatchdogPeriod, CancellationToken.None);
    }

    public async Task<ApprovalStatus> ForceExpireAsync(string operatorName)
    {
        if (State.Status == ApprovalStatus.Pending)
        {
            State.History.Add(new HistoryEntry(Now, "force-expired", operatorName));
            await ExpireAsync("operator");
        }

        return State.Status;
    }

    private async Task ExpireAsync(string trigger)
    {
        State.History.Add(new HistoryEntry(Now, "expired", "timeout", trigger));
        await CloseAsync(ApprovalStatus.Expired, null, null, State.Deadline);
        _metrics.RequestExpired(Now - State.Deadline);
    }

    // ---- 5. Closing, exactly once ----------------------------------------------------------------------------

    private async Task CloseAsync(
        ApprovalStatus outcome, string? actor, string? reason, DateTimeOffset? closedAt = null)
    {
        var now = Now;
        State.Status = outcome;
        State.DecidedBy = actor;
        State.DecisionReason = ApprovalText.CapReason(reason);
        State.ClosedAt = closedAt ?? now;
        State.Revision++;
        if (actor is not null)
        {
            State.History.Add(new HistoryEntry(now, outcome.ToString().ToLowerInvariant(), actor, reason));
        }

        Enqueue(SlackCallKind.UpdateApprovalMessage);
        if (State.EscalationChannelId is not null)
        {
            Enqueue(SlackCallKind.UpdateEscalationMessage);
        }

        Enqueue(SlackCallKind.NotifyRequester);
        await WriteDecisionAsync();

        LogInformationRequestClosed(_logger, CorrelationId, outcome, actor ?? "timeout");
        if (outcome != ApprovalStatus.Expired)
        {
            _metrics.RequestDecided(outcome, now - State.CreatedAt);
        }

        ScheduleOutbox(TimeSpan.Zero);
        await IndexesAsync(() => RequesterIndex().RemoveAsync(CorrelationId));
        await IndexesAsync(() => OpenRequests().RemoveAsync(CorrelationId));
    }

    /// <summary>
    /// Writes a decision (or closing) made in this turn. When PostgreSQL did not take it, the change lives only in
    /// this activation's memory, where the outbox timer or a reminder tick would show it in Slack and later clicks
    /// would be told of it, although the caller hears it failed. So the activation is dropped, and the next call
    /// reads what PostgreSQL holds.
    /// </summary>
    private async Task WriteDecisionAsync()
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            _outboxTimer?.Dispose();
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Keeps the read-side indexes in step. The request's own state is already written and is the authority;
    /// an index that cannot be reached now (its silo just died) is mended later: the requester index checks its
    /// entries against the grains, and the approvers' list drops entries whose request is closed.
    /// </summary>
    private async Task IndexesAsync(Func<Task> update)
    {
        try
        {
            await update();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogWarningIndexUpdateFailed(_logger, CorrelationId, e.GetType().Name);
        }
    }

    /// <summary>Retention is over: erase the request so emails and reasons are not kept forever.</summary>
    private async Task ForgetAsync()
    {
        await RequesterIndex().RemoveAsync(CorrelationId);
        await _state.ClearStateAsync();
        await UnregisterReminderAsync();
        LogInformationRequestForgotten(_logger, CorrelationId);
        DeactivateOnIdle();
    }

    private IOpenRequestsGrain OpenRequests() =>
        GrainFactory.GetGrain<IOpenRequestsGrain>(OpenRequestsKey.For(State.ChannelId, CorrelationId));

    private IRequesterIndexGrain RequesterIndex() =>
        GrainFactory.GetGrain<IRequesterIndexGrain>(RequesterIndexKey.For(State.TeamId, State.RequesterUserId));

    private IRequesterIndexGrain RequesterIndex(ApprovalSubmission submission) =>
        GrainFactory.GetGrain<IRequesterIndexGrain>(
            RequesterIndexKey.For(submission.TeamId, submission.RequesterUserId));

    // ---- 6. Slack calls owed ---------------------------------------------------------------------------------

    public async Task<int> RetrySlackCallsAsync()
    {
        foreach (var call in State.Outbox)
        {
            call.NotBefore = Now;
        }

        await DrainOutboxAsync(CancellationToken.None);
        return State.Outbox.Count;
    }

    private void Enqueue(SlackCallKind kind)
    {
        var call = new PendingSlackCall { Id = ++State.NextCallId, Kind = kind, NotBefore = Now };
        State.Outbox.Add(call);
        _certainlyUnsent.Add(call.Id);
    }

    private void ScheduleOutbox(TimeSpan dueIn)
    {
        if (State.Outbox.Count == 0)
        {
            return;
        }

        RememberOutboxTrace();
        _outboxTimer?.Dispose();
        _outboxTimer = this.RegisterGrainTimer(
            DrainOutboxAsync, new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>
    /// Sends owed Slack calls in order, in a turn of their own so a click never waits behind a Retry-After: a call
    /// that must wait is rescheduled on a timer, and the reminder keeps retrying if this activation goes away.
    /// </summary>
    private async Task DrainOutboxAsync(CancellationToken cancellationToken)
    {
        using var activity = StartOutboxActivity();
        var changed = false;
        while (State.Outbox.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var call = State.Outbox[0];
            var wait = call.NotBefore - Now;
            if (wait <= TimeSpan.Zero && _slackCalls.NeedsPacing(call) && _pacedCalls.Add(call.Id))
            {
                wait = await _slackCalls.ReservePacingSlotAsync(call, State);
            }

            if (wait > TimeSpan.Zero)
            {
                ScheduleOutbox(wait);
                break;
            }

            changed |= await SendAsync(call);
            if (State.Outbox.Count > 0 && State.Outbox[0] == call)
            {
                ScheduleOutbox(call.NotBefore - Now);
                break;
            }
        }

        // Durable work is not abandoned half-way because a timer was cancelled by deactivation.
        if (changed)
        {
            await _state.WriteStateAsync(CancellationToken.None);
        }

        if (State.IsTerminal && State.Outbox.Count == 0 && changed)
        {
            await this.RegisterOrUpdateReminder(ReminderName,
                DueIn(State.ClosedAt!.Value + _options.Retention), RetentionPeriod, CancellationToken.None);
        }
    }

    /// <summary>Sends one call; returns whether the state changed. A retryable failure leaves it queued.</summary>
    private async Task<bool> SendAsync(PendingSlackCall call)
    {
        var mayHaveReachedSlack = ApprovalSlackCalls.CreatesCard(call) && !_certainlyUnsent.Contains(call.Id);
        var failure = await _slackCalls.SendAsync(CorrelationId, call, State, mayHaveReachedSlack);
        if (failure is null)
        {
            State.Outbox.Remove(call);
            return true;
        }

        if (failure.Kind == SlackFailureKind.Transient)
        {
            // A 5xx or a timeout: Slack may have done it anyway.
            _certainlyUnsent.Remove(call.Id);
        }

        call.Attempts++;
        call.LastError = failure.Error;
        if (failure.IsRetryable)
        {
            // A refused post takes a fresh pacing slot when it retries, or it would collide with the next one.
            _pacedCalls.Remove(call.Id);
            call.NotBefore = Now + (failure.RetryAfter ?? Backoff(call.Attempts));
            _metrics.SlackCallFailed(call.Kind, failure.Error);
            LogWarningSlackCallRetrying(_logger, CorrelationId, call.Kind, failure.Error, call.NotBefore);
            return false;
        }

        State.Outbox.Remove(call);
        State.History.Add(new HistoryEntry(Now, "slack-call-failed", "slack", $"{call.Kind}: {failure.Error}"));
        _metrics.SlackCallFailed(call.Kind, failure.Error);
        LogErrorSlackCallAbandoned(_logger, CorrelationId, call.Kind, failure.Error);
        return true;
    }

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(attempts, 6))));

    // ---- Reading ---------------------------------------------------------------------------------------------

    public Task<ApprovalSnapshot?> GetSnapshotAsync() =>
        Task.FromResult(State.Status == ApprovalStatus.None ? null : ApprovalViews.Snapshot(CorrelationId, State));

    public async Task<ApprovalSnapshot?> GetSnapshotForAsync(string viewerUserId)
    {
        if (State.Status == ApprovalStatus.None)
        {
            return null;
        }

        var allowed = viewerUserId == State.RequesterUserId || await _approvers.MayDecideAsync(viewerUserId);
        return allowed ? ApprovalViews.Snapshot(CorrelationId, State) : null;
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------

    private static readonly TimeSpan RetentionPeriod = TimeSpan.FromDays(1);

    private TimeSpan DueIn(DateTimeOffset at)
    {
        var due = at - Now;
        return due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1);
    }

    private async Task UnregisterReminderAsync()
    {
        // A fresh handle: a cached one may be stale and throw.
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static string NewCallbackToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
