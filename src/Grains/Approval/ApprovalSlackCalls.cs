using ApprovalBot.Slack;
using ApprovalBot.Slack.Messages;
using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Grains.Approval;

/// <summary>
/// Turns a pending call into the Slack request it stands for, rendered from the state as it is now, and applies
/// what Slack returned (the message's <c>ts</c>) to the state. It never waits out a rate limit itself.
/// </summary>
public sealed class ApprovalSlackCalls(
    ISlackWebApi slack,
    IGrainFactory grains,
    IOptions<SlackOptions> options,
    IOptions<ApprovalOptions> approval,
    [FromKeyedServices(ApprovalClock.ServiceKey)] TimeProvider clock)
{
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

    /// <summary>Sends <paramref name="call"/>; null when it is done (or nothing was left to do).</summary>
    public async Task<SlackFailure?> SendAsync(string correlationId, PendingSlackCall call, ApprovalState state)
    {
        var card = ApprovalViews.Card(correlationId, state);
        return call.Kind switch
        {
            SlackCallKind.PostApprovalMessage => await PostApprovalMessageAsync(card, state),
            SlackCallKind.UpdateApprovalMessage => await UpdateApprovalMessageAsync(card, state),
            SlackCallKind.NotifyRequester => await NotifyRequesterAsync(card, state),
            SlackCallKind.PostReminder => await PostReminderAsync(card, state),
            SlackCallKind.PostEscalation => await PostEscalationAsync(card, state),
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
    private async Task<SlackFailure?> PostEscalationAsync(ApprovalCard card, ApprovalState state)
    {
        if (state.EscalationChannelId is null || state.EscalationMessageTs is not null)
        {
            return null;
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

    private async Task<SlackFailure?> PostApprovalMessageAsync(ApprovalCard card, ApprovalState state)
    {
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
