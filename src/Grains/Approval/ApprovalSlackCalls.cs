using System.Globalization;
using ApprovalBot.Slack;
using ApprovalBot.Slack.Messages;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Grains.Approval;

/// <summary>
/// Turns a pending call into the Slack request it stands for, rendered from the state as it is now, and applies
/// what Slack returned (the message's <c>ts</c>) to the state. It never waits out a rate limit itself.
/// </summary>
public sealed partial class ApprovalSlackCalls(
    ISlackWebApi slack,
    IGrainFactory grains,
    IOptions<SlackOptions> options,
    IOptions<ApprovalOptions> approval,
    [FromKeyedServices(ApprovalClock.ServiceKey)] TimeProvider clock,
    ILogger<ApprovalSlackCalls> logger)
{
    /// <summary>How far back before the request's creation the history is read (clocks differ a little).</summary>
    private static readonly TimeSpan HistorySlack = TimeSpan.FromMinutes(1);

    /// <summary>Pages of 200 messages read at most before giving up and posting again.</summary>
    private const int HistoryPages = 5;

    /// <summary>Slack lets a <c>response_url</c> be used this many times…</summary>
    public const int ResponseUrlMaxUses = 5;

    /// <summary>…within this long of the command.</summary>
    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);

    /// <summary>True when <paramref name="call"/> must hold a slot of the channel's posting pace first.</summary>
    public bool NeedsPacing(PendingSlackCall call) =>
        options.Value.PostsPerSecondPerChannel > 0 && call.Kind == SlackCallKind.PostApprovalMessage;

    /// <summary>Reserves the call's posting slot; returns how long to wait for it (zero when it may go now).</summary>
    public async Task<TimeSpan> ReservePacingSlotAsync(PendingSlackCall call, ApprovalState state)
    {
        var rate = options.Value.PostsPerSecondPerChannel;
        var slot = await grains.GetGrain<IChannelPacerGrain>(state.ChannelId).ReserveSlotAsync(rate);
        call.NotBefore = slot;
        var wait = slot - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>
    /// True for a call that creates a message ApprovalBot keeps working with (the approval message and its copy in
    /// the escalation channel). When such a call may already have reached Slack, it looks before posting again.
    /// </summary>
    public static bool CreatesCard(PendingSlackCall call) =>
        call.Kind is SlackCallKind.PostApprovalMessage or SlackCallKind.PostEscalation;

    /// <summary>
    /// Sends <paramref name="call"/>; null when it is done (or nothing was left to do). When
    /// <paramref name="mayHaveReachedSlack"/> is set, a card is first looked for in the channel's history.
    /// </summary>
    public async Task<SlackFailure?> SendAsync(
        string correlationId, PendingSlackCall call, ApprovalState state, bool mayHaveReachedSlack = false)
    {
        var card = ApprovalViews.Card(correlationId, state);
        return call.Kind switch
        {
            SlackCallKind.PostApprovalMessage => await PostApprovalMessageAsync(card, state, mayHaveReachedSlack),
            SlackCallKind.UpdateApprovalMessage => await UpdateApprovalMessageAsync(card, state),
            SlackCallKind.NotifyRequester => await NotifyRequesterAsync(card, state),
            SlackCallKind.PostReminder => await PostReminderAsync(card, state),
            SlackCallKind.PostEscalation => await PostEscalationAsync(card, state, mayHaveReachedSlack),
            SlackCallKind.UpdateEscalationMessage => await UpdateEscalationMessageAsync(card, state),
            _ => null,
        };
    }

    /// <summary>A nudge in the approval message's thread, naming whoever may decide.</summary>
    private async Task<SlackFailure?> PostReminderAsync(ApprovalCard card, ApprovalState state)
    {
        if (state.MessageTs is null || state.Status != ApprovalStatus.Pending)
        {
            return null;
        }

        var nudge = ApprovalNudges.Reminder(card, approval.Value);
        var result = await slack.PostMessageAsync(new PostMessageRequest(state.ChannelId, nudge, state.MessageTs));
        return result.Failure;
    }

    /// <summary>The same request, with working buttons, in the escalation channel.</summary>
    private async Task<SlackFailure?> PostEscalationAsync(ApprovalCard card, ApprovalState state, bool lookFirst)
    {
        if (state.EscalationChannelId is null || state.EscalationMessageTs is not null)
        {
            return null;
        }

        if (lookFirst)
        {
            var (found, failure) = await FindCardAsync(card, state, state.EscalationChannelId);
            if (failure is not null || found is not null)
            {
                state.EscalationMessageTs = found?.Ts;
                return failure ?? await UpdateEscalationMessageAsync(card, state);
            }
        }

        var result = await slack.PostMessageAsync(
            new PostMessageRequest(state.EscalationChannelId, ApprovalMessages.Render(card)));
        if (result.IsOk)
        {
            state.EscalationMessageTs = result.Value!.Ts;
        }

        return result.Failure;
    }

    private async Task<SlackFailure?> UpdateEscalationMessageAsync(ApprovalCard card, ApprovalState state)
    {
        if (state.EscalationChannelId is null || state.EscalationMessageTs is null)
        {
            return null;
        }

        var result = await slack.UpdateMessageAsync(new UpdateMessageRequest(
            state.EscalationChannelId, state.EscalationMessageTs, ApprovalMessages.Render(card)));
        return result.Failure;
    }

    private async Task<SlackFailure?> PostApprovalMessageAsync(ApprovalCard card, ApprovalState state, bool lookFirst)
    {
        if (lookFirst)
        {
            var (found, failure) = await FindCardAsync(card, state, state.ChannelId);
            if (failure is not null)
            {
                return failure;
            }

            if (found is not null)
            {
                state.MessageTs = found.Value.Ts;
                state.PostedRevision = found.Value.Revision;
                state.History.Add(new HistoryEntry(clock.GetUtcNow(), "posted", "slack", "found in channel history"));
                return await UpdateApprovalMessageAsync(card, state);
            }
        }

        var result = await slack.PostMessageAsync(
            new PostMessageRequest(state.ChannelId, ApprovalMessages.Render(card)));
        if (result.IsOk)
        {
            state.MessageTs = result.Value!.Ts;
            state.PostedRevision = state.Revision;
            state.History.Add(new HistoryEntry(clock.GetUtcNow(), "posted", "slack", state.ChannelId));
        }

        return result.Failure;
    }

    private async Task<SlackFailure?> UpdateApprovalMessageAsync(ApprovalCard card, ApprovalState state)
    {
        // Not posted yet: the post still queued renders the current state. Already current: nothing to send.
        if (state.MessageTs is null || state.PostedRevision >= state.Revision)
        {
            return null;
        }

        var result = await slack.UpdateMessageAsync(
            new UpdateMessageRequest(state.ChannelId, state.MessageTs, ApprovalMessages.Render(card)));
        if (result.IsOk)
        {
            state.PostedRevision = state.Revision;
        }

        return result.Failure;
    }

    /// <summary>
    /// Looks for the request's card in <paramref name="channel"/>, posted since just before the request was created.
    /// A transient failure is returned so the call is retried later; a refusal (a missing history scope, say) is
    /// logged and treated as "not found", so the card is posted again rather than never.
    /// </summary>
    private async Task<((string Ts, int Revision)? Found, SlackFailure? Failure)> FindCardAsync(
        ApprovalCard card, ApprovalState state, string channel)
    {
        var oldest = (state.CreatedAt - HistorySlack).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string? cursor = null;
        for (var page = 0; page < HistoryPages; page++)
        {
            var result = await slack.ReadHistoryAsync(new HistoryRequest(channel, oldest + ".000000", 200, cursor));
            if (result.Failure is { } failure)
            {
                if (failure.IsRetryable)
                {
                    return (null, failure);
                }

                LogWarningHistoryUnreadable(logger, card.CorrelationId, channel, failure.Error);
                return (null, null);
            }

            foreach (var message in result.Value!.Messages)
            {
                if (ApprovalMessages.RevisionOf(message, card.CorrelationId) is { } revision)
                {
                    return ((message.Ts, revision), null);
                }
            }

            cursor = result.Value.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        return (null, null);
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Channel history of {ChannelId} could not be read for approval request {CorrelationId} " +
            "({SlackError}); posting its message again, which may show it twice")]
    private static partial void LogWarningHistoryUnreadable(
        ILogger logger, string correlationId, string channelId, string slackError);

    /// <summary>
    /// Through the command's <c>response_url</c> while Slack still accepts it, else a direct message.
    /// </summary>
    private async Task<SlackFailure?> NotifyRequesterAsync(ApprovalCard card, ApprovalState state)
    {
        var notice = ApprovalMessages.RequesterNotice(card);
        if (ResponseUrlUsable(state))
        {
            state.ResponseUrlUses++;
            var viaUrl = await slack.PostToResponseUrlAsync(state.ResponseUrl!, new ResponseUrlMessage(notice));
            if (viaUrl.IsOk || viaUrl.Failure!.IsRetryable)
            {
                return viaUrl.Failure;
            }
        }

        var direct = await slack.PostMessageAsync(new PostMessageRequest(state.RequesterUserId, notice));
        return direct.Failure;
    }

    private bool ResponseUrlUsable(ApprovalState state) =>
        state.ResponseUrl is not null
        && state.ResponseUrlUses < ResponseUrlMaxUses
        && clock.GetUtcNow() - state.CreatedAt < ResponseUrlLifetime;
}
