using ApprovalBot.Api.Cluster;
using ApprovalBot.Api.Hosting;
using ApprovalBot.Grains;
using ApprovalBot.Slack;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.Inbound;
using ApprovalBot.Slack.Messages;
using ApprovalBot.Slack.Verification;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Api.Interactions;

/// <summary>
/// <c>POST /slack/interactions</c>: forwards Approve and Deny clicks to the request's grain and answers 200 at once;
/// whatever the clicker must be told goes to the click's <c>response_url</c>. Other interactions are acknowledged
/// and ignored.
/// </summary>
public sealed partial class InteractionEndpoint(
    GrainCalls grains,
    EphemeralReplies replies,
    DenyModalFlow denyModal,
    IOptions<SlackOptions> slack,
    ILogger<InteractionEndpoint> logger)
{
    public const string ApproveActionId = "approve";
    public const string DenyActionId = "deny";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!SlackContent.IsForm(context.Request))
        {
            LogInformationMalformed(logger, "interaction is not a form body");
            return Results.BadRequest();
        }

        if (!InteractionPayload.TryParse(context.GetVerifiedSlackBody().Span, out var payload, out var error))
        {
            LogInformationMalformed(logger, error);
            return Results.BadRequest();
        }

        return payload switch
        {
            BlockActionsPayload click => await HandleClickAsync(click),
            ViewSubmissionPayload submission => await HandleSubmissionAsync(submission),
            _ => Results.Ok(),
        };
    }

    private async Task<IResult> HandleClickAsync(BlockActionsPayload click)
    {
        var action = click.Actions.FirstOrDefault(a => a.ActionId is ApproveActionId or DenyActionId);
        if (action is null || !WorkspaceAllowed(click))
        {
            return Results.Ok();
        }

        if (!SlackIds.LooksLikeUserId(click.User.Id))
        {
            LogInformationMalformed(logger, "click from a user id of the wrong shape");
            return Results.BadRequest();
        }

        if (!ButtonValue.TryParse(action.Value, out var correlationId, out var token))
        {
            replies.Enqueue(click.ResponseUrl, ClickReplies.Unknown);
            return Results.Ok();
        }

        var kind = action.ActionId == ApproveActionId ? DecisionKind.Approve : DecisionKind.Deny;
        var channel = click.Channel?.Id ?? click.Container?.ChannelId ?? "";
        var request = new DecisionRequest(click.User.Id, channel, token, kind);
        if (kind == DecisionKind.Deny)
        {
            await denyModal.OpenAsync(click, channel, action.Value!, request);
            return Results.Ok();
        }

        var result = await grains.TryCallAsync(
            g => g.GetGrain<IApprovalGrain>(correlationId).DecideAsync(request), "decide");
        var reply = result is null ? ClickReplies.NotConfirmed : ClickReplies.For(result);
        if (reply is not null)
        {
            replies.Enqueue(click.ResponseUrl, reply);
        }

        return Results.Ok();
    }

    private async Task<IResult> HandleSubmissionAsync(ViewSubmissionPayload submission)
    {
        if (submission.View.CallbackId != ApprovalModals.DenyReasonCallbackId)
        {
            return Results.Ok();
        }

        if (!SlackIds.LooksLikeUserId(submission.User.Id))
        {
            LogInformationMalformed(logger, "reason submitted by a user id of the wrong shape");
            return Results.BadRequest();
        }

        var errors = await denyModal.SubmitAsync(submission);
        return errors is null ? Results.Ok() : Results.Json(new { response_action = "errors", errors });
    }

    private bool WorkspaceAllowed(BlockActionsPayload click)
    {
        var served = slack.Value.TeamId;
        return served.Length == 0 || click.Team?.Id == served || click.Enterprise?.Id == served
            || click.User.TeamId == served;
    }

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information,
        Message = "A verified interaction was malformed and refused with 400: {Problem}")]
    private static partial void LogInformationMalformed(ILogger logger, string problem);
}
