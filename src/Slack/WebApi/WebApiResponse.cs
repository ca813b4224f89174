namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The fields ApprovalBot reads from any Web API answer (https://api.slack.com/web#evaluating_responses):
/// <c>ok</c>, the <c>error</c> code, where a message landed, a user group's members and a page of channel
/// history.
/// </summary>
internal sealed record WebApiResponse(
    bool Ok,
    string? Error = null,
    string? Channel = null,
    string? Ts = null,
    IReadOnlyList<string>? Users = null,
    ResponseMetadata? ResponseMetadata = null,
    IReadOnlyList<HistoryMessageJson>? Messages = null);

/// <summary>A message of <c>conversations.history</c>, as much of it as ApprovalBot reads.</summary>
internal sealed record HistoryMessageJson(string Ts, IReadOnlyList<HistoryBlockJson>? Blocks = null);

/// <summary>A block of a message in history: only its id is read.</summary>
internal sealed record HistoryBlockJson(string? BlockId = null);
