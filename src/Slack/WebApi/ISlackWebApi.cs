namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods ApprovalBot calls (https://api.slack.com/methods), plus posting to a
/// <c>response_url</c>. Implementations never wait out a rate limit: a 429 comes back as
/// <see cref="SlackFailureKind.RateLimited"/> with its delay, so the caller can schedule the retry durably.
/// </summary>
public interface ISlackWebApi
{
    /// <summary><c>chat.postMessage</c>: https://api.slack.com/methods/chat.postMessage</summary>
    Task<SlackResult<PostedMessage>> PostMessageAsync(
        PostMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>chat.update</c>: https://api.slack.com/methods/chat.update</summary>
    Task<SlackResult<PostedMessage>> UpdateMessageAsync(
        UpdateMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>chat.postEphemeral</c>: https://api.slack.com/methods/chat.postEphemeral</summary>
    Task<SlackResult<SlackUnit>> PostEphemeralAsync(
        PostEphemeralRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>views.open</c>: https://api.slack.com/methods/views.open</summary>
    Task<SlackResult<SlackUnit>> OpenViewAsync(
        OpenViewRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of <c>conversations.history</c> (https://api.slack.com/methods/conversations.history), newest
    /// message first. Used to find a message that a post whose answer was lost may have created.
    /// </summary>
    Task<SlackResult<HistoryPage>> ReadHistoryAsync(
        HistoryRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>usergroups.users.list</c>: https://api.slack.com/methods/usergroups.users.list</summary>
    Task<SlackResult<IReadOnlyList<string>>> ListUserGroupMembersAsync(
        string userGroupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts to a <c>response_url</c> (https://api.slack.com/interactivity/handling#message_responses).
    /// A URL whose host is not in <c>Slack:ResponseUrlHosts</c> is refused without sending anything.
    /// </summary>
    Task<SlackResult<SlackUnit>> PostToResponseUrlAsync(
        string responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default);
}
