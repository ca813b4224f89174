using ApprovalBot.Api.Cluster;
using ApprovalBot.Grains;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.Inbound;
using ApprovalBot.Slack.Messages;
using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.Api.Interactions;

/// <summary>
/// Deny asks for a reason: the click opens a modal (within the 3 seconds its trigger id lives) whose
/// <c>private_metadata</c> carries the channel clicked in and the button's value, and the decision is made when the
/// modal is submitted, checked exactly like a click. Closing the modal changes nothing.
/// </summary>
public sealed partial class DenyModalFlow(
    GrainCalls grains, ISlackWebApi slack, EphemeralReplies replies, ILogger<DenyModalFlow> logger)
{
    /// <summary>The longest deny reason accepted.</summary>
    public const int MaxReasonLength = ApprovalModals.MaxReasonLength;

    public async Task OpenAsync(BlockActionsPayload click, string channel, string buttonValue, DecisionRequest check)
    {
        var correlationId = buttonValue[..buttonValue.IndexOf('|', StringComparison.Ordinal)];
        var verdict = await grains.TryCallAsync(
            g => g.GetGrain<IApprovalGrain>(correlationId).CheckDecisionAsync(check), "check deny");
        if (verdict is null || verdict.Outcome != DecisionOutcome.Accepted)
        {
            var refusal = verdict is null ? ClickReplies.NotConfirmed : ClickReplies.For(verdict)!;
            replies.Enqueue(click.ResponseUrl, refusal);
            return;
        }

        var modal = ApprovalModals.DenyReason(DenyMetadata.Format(channel, buttonValue));
        var opened = await slack.OpenViewAsync(new OpenViewRequest(click.TriggerId ?? "", modal));
        if (!opened.IsOk)
        {
            LogWarningModalNotOpened(logger, correlationId, opened.Failure!.Error);
            replies.Enqueue(click.ResponseUrl, RetryMessage(buttonValue));
        }
    }

    /// <summary>Decides a submitted reason modal; returns the errors to show in it, or null to close it.</summary>
    public async Task<Dictionary<string, string>?> SubmitAsync(ViewSubmissionPayload submission)
    {
        if (!DenyMetadata.TryParse(submission.View.PrivateMetadata, out var channel, out var id, out var token))
        {
            return Error(ClickReplies.Unknown);
        }

        var reason = submission.View.State is { } state
            && state.TryGetText(ApprovalModals.ReasonBlockId, ApprovalModals.ReasonActionId, out var text)
                ? text.Trim()
                : "";
        if (reason.Length == 0 || reason.Length > MaxReasonLength)
        {
            return Error($"Please give a reason of 1 to {MaxReasonLength} characters.");
        }

        var request = new DecisionRequest(submission.User.Id, channel, token, DecisionKind.Deny, reason);
        var result = await grains.TryCallAsync(
            g => g.GetGrain<IApprovalGrain>(id).DecideAsync(request), "deny with reason");
        var problem = result is null ? ClickReplies.NotConfirmed : ClickReplies.For(result);
        return problem is null ? null : Error(problem);
    }

    private static Dictionary<string, string> Error(string text) => new() { [ApprovalModals.ReasonBlockId] = text };

    private static SlackMessage RetryMessage(string buttonValue)
    {
        const string text = "The form for a deny reason could not be opened in time. The request is still pending.";
        Block[] blocks =
        [
            new SectionBlock(new MrkdwnText(text)),
            new ActionsBlock([new ButtonElement(new PlainText("Deny with a reason"), InteractionEndpoint.DenyActionId,
                buttonValue, ButtonStyle.Danger)]),
        ];
        return new SlackMessage(text, blocks);
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning,
        Message = "The deny-reason modal for {CorrelationId} could not be opened ({SlackError}); " +
            "the clicker was offered a retry")]
    private static partial void LogWarningModalNotOpened(ILogger logger, string correlationId, string slackError);
}
