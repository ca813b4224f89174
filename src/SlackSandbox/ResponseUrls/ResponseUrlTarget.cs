namespace ApprovalBot.SlackSandbox.ResponseUrls;

/// <summary>
/// Where a <c>response_url</c> posts: the channel and user of the command or click that issued
/// it, and for a click the message clicked (which <c>replace_original</c> rewrites).
/// </summary>
internal sealed record ResponseUrlTarget(
    string Id, string ChannelId, string UserId, string? MessageTs, DateTimeOffset IssuedAt);
