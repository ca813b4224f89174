using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.WebApi;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// Submitting and cancelling a modal. The view stays open until the Api's answer closes it;
/// <c>response_action: errors</c> keeps it open with the errors shown under their inputs.
/// </summary>
internal sealed class ViewActions(
    SandboxWorkspace workspace, TriggerRegistry triggers, InteractionPayloads payloads,
    ViewMethods views, UserActions users)
{
    /// <summary>Slack's wording when the app did not answer a submission properly.</summary>
    public const string ConnectionError = "We had some trouble connecting. Try again?";

    public async Task<SandboxReply> SubmitAsync(
        string userId, string viewId, IReadOnlyDictionary<string, string> values,
        CancellationToken cancellationToken)
    {
        var user = users.RequireUser(userId);
        var view = RequireOpenView(user, viewId);
        var json = view.View();
        var (state, missing) = ViewState.Build(json, values);
        if (missing.Count > 0)
        {
            workspace.ChangeView(viewId, v => v with { Errors = missing });
            return SandboxReply.NotSent("required_input_missing");
        }

        json["state"] = new JsonObject { ["values"] = state };
        var payload = payloads.ViewSubmission(user, json, triggers.Issue(user.Id));
        var reply = await users.SendInteractionAsync(
            "view_submission", SandboxJson.Write(payload), cancellationToken);
        Apply(view, reply);
        return reply;
    }

    /// <summary>
    /// Closes the modal. Like Slack, this tells the Api (<c>view_closed</c>) only when the view was
    /// opened with <c>notify_on_close: true</c>; otherwise nothing is sent and the reply says so.
    /// </summary>
    public async Task<SandboxReply> CloseAsync(
        string userId, string viewId, CancellationToken cancellationToken)
    {
        var user = users.RequireUser(userId);
        var view = RequireOpenView(user, viewId);
        workspace.ChangeView(viewId, v => v with { IsOpen = false });
        var json = view.View();
        if (!json.Bool("notify_on_close"))
        {
            return SandboxReply.NotSent("notify_on_close_false");
        }

        var payload = payloads.ViewClosed(user, json);
        return await users.SendInteractionAsync("view_closed", SandboxJson.Write(payload), cancellationToken);
    }

    private void Apply(SandboxView view, SandboxReply reply)
    {
        if (!reply.IsSuccess)
        {
            SetErrors(view.Id, new Dictionary<string, string> { [""] = ConnectionError });
            return;
        }

        var answer = string.IsNullOrWhiteSpace(reply.Body)
            ? null
            : SandboxJson.TryParse(reply.Body) as JsonObject;
        switch (answer.String("response_action"))
        {
            case "errors":
                SetErrors(view.Id, (answer!["errors"] as JsonObject ?? []).ToDictionary(
                    e => e.Key, e => e.Value.AsString(), StringComparer.Ordinal));
                break;
            case "update" or "push"
                when answer!["view"] is JsonObject next && ViewMethods.Validate(next) is null:
                var replaced = SandboxJson.Write(views.Replace(view, next));
                workspace.ChangeView(
                    view.Id, v => v with { ViewJson = replaced, Errors = new Dictionary<string, string>() });
                break;
            case "clear":
                foreach (var open in workspace.OpenViews(view.UserId))
                {
                    workspace.ChangeView(open.Id, v => v with { IsOpen = false });
                }

                break;
            default:
                workspace.ChangeView(view.Id, v => v with { IsOpen = false });
                break;
        }
    }

    private void SetErrors(string viewId, Dictionary<string, string> errors) =>
        workspace.ChangeView(viewId, v => v with { Errors = errors });

    private SandboxView RequireOpenView(SandboxUser user, string viewId)
    {
        var view = workspace.View(viewId);
        return view is { IsOpen: true } && view.UserId == user.Id
            ? view
            : throw new ArgumentException($"{user.Id} has no open view {viewId}.", nameof(viewId));
    }
}
