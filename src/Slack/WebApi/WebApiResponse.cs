namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The fields ApprovalBot reads from any Web API answer (https://api.slack.com/web#evaluating_responses):
/// <c>ok</c>, the <c>error</c> code, where a message landed and a user group's members.
/// </summary>
internal sealed record WebApiResponse(
    bool Ok,
    string? Error = null,
    string? Channel = null,
    string? Ts = null,
    IReadOnlyList<string>? Users = null,
    ResponseMetadata? ResponseMetadata = null);
