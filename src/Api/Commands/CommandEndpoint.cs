using ApprovalBot.Api.Cluster;
using ApprovalBot.Api.Hosting;
using ApprovalBot.Grains;
using ApprovalBot.Slack;
using ApprovalBot.Slack.Inbound;
using ApprovalBot.Slack.Verification;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Api.Commands;

/// <summary>
/// <c>POST /slack/commands</c>: every verified, well-formed command gets a 200 with an ephemeral reply, errors
/// included; only a body Slack would never send gets a 400.
/// </summary>
public sealed partial class CommandEndpoint(
    GrainCalls grains, RequestViews views, IOptions<SlackOptions> slack, ILogger<CommandEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!SlackContent.IsForm(context.Request))
        {
            LogInformationMalformed(logger, "slash command is not a form body");
            return Results.BadRequest();
        }

        if (!SlashCommand.TryParse(context.GetVerifiedSlackBody().Span, out var command, out var error))
        {
            LogInformationMalformed(logger, error);
            return Results.BadRequest();
        }

        // The user id becomes the requester's identity and index key: one Slack never sends is refused.
        if (!SlackIds.LooksLikeUserId(command.UserId))
        {
            LogInformationMalformed(logger, "slash command from a user id of the wrong shape");
            return Results.BadRequest();
        }

        var teamId = command.TeamId ?? command.EnterpriseId!;
        if (!WorkspaceAllowed(command))
        {
            return Reply(CommandReplies.OtherWorkspace);
        }

        return Reply(CommandParser.Parse(command.Text) switch
        {
            HelpCommand => CommandReplies.Usage,
            InvalidCommand invalid => CommandReplies.Invalid(invalid.Problem),
            ApproveCommand approve => await SubmitAsync(command, teamId, approve),
            CancelCommand cancel => await CancelAsync(command.UserId, cancel.CorrelationId),
            StatusCommand status => await views.StatusAsync(command.UserId, status.CorrelationId),
            ListCommand list => await views.ListAsync(teamId, command.UserId, list.Page),
            _ => CommandReplies.Usage,
        });
    }

    private bool WorkspaceAllowed(SlashCommand command)
    {
        var served = slack.Value.TeamId;
        return served.Length == 0 || command.TeamId == served || command.EnterpriseId == served;
    }

    private async Task<string> SubmitAsync(SlashCommand command, string teamId, ApproveCommand approve)
    {
        var correlationId = CommandParser.CorrelationPrefix + Guid.NewGuid().ToString("N");
        var submission = new ApprovalSubmission(
            teamId, command.UserId, command.UserName ?? command.UserId, approve.Email, approve.Reason,
            command.ResponseUrl, approve.Timeout);
        var result = await grains.TryCallAsync(
            g => g.GetGrain<IApprovalGrain>(correlationId).SubmitAsync(submission), "submit");
        return result is null ? CommandReplies.NotConfirmed : CommandReplies.Submitted(result);
    }

    private async Task<string> CancelAsync(string userId, string correlationId)
    {
        var result = await grains.TryCallAsync(
            g => g.GetGrain<IApprovalGrain>(correlationId).CancelAsync(new CancelRequest(userId)), "cancel");
        return result is null ? CommandReplies.NotConfirmed : CommandReplies.Cancelled(correlationId, result);
    }

    private static IResult Reply(string mrkdwn) =>
        Results.Json(new { response_type = "ephemeral", text = mrkdwn });

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information,
        Message = "A verified slash command was malformed and refused with 400: {Problem}")]
    private static partial void LogInformationMalformed(ILogger logger, string problem);
}
