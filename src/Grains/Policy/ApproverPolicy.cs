using ApprovalBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalBot.Grains.Policy;

/// <summary>
/// Listed approvers, members of the approver user group (cached per silo for
/// <see cref="ApprovalOptions.ApproverGroupCacheTtl"/>, since Slack allows about 20 lookups a minute), or anyone in
/// the approval channel when that was explicitly opted into.
/// </summary>
public sealed partial class ApproverPolicy(
    IOptions<ApprovalOptions> options,
    ISlackWebApi slack,
    [FromKeyedServices(ApprovalClock.ServiceKey)] TimeProvider clock,
    ILogger<ApproverPolicy> logger) : IApproverPolicy, IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private HashSet<string>? _groupMembers;
    private DateTimeOffset _groupFetchedAt;

    public async Task<bool> MayDecideAsync(string userId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.Approvers.Contains(userId))
        {
            return true;
        }

        if (!string.IsNullOrWhiteSpace(settings.ApproverGroupId))
        {
            var members = await GroupMembersAsync(settings, cancellationToken);
            if (members.Contains(userId))
            {
                return true;
            }
        }

        return settings.AnyChannelMemberMayApprove;
    }

    private async Task<HashSet<string>> GroupMembersAsync(ApprovalOptions settings, CancellationToken token)
    {
        if (_groupMembers is { } fresh && clock.GetUtcNow() - _groupFetchedAt < settings.ApproverGroupCacheTtl)
        {
            return fresh;
        }

        await _refresh.WaitAsync(token);
        try
        {
            if (_groupMembers is { } raced && clock.GetUtcNow() - _groupFetchedAt < settings.ApproverGroupCacheTtl)
            {
                return raced;
            }

            var result = await slack.ListUserGroupMembersAsync(settings.ApproverGroupId, token);
            if (result.IsOk)
            {
                _groupMembers = [.. result.Value!];
                _groupFetchedAt = clock.GetUtcNow();
                return _groupMembers;
            }

            // Keep deciding on the last known membership rather than locking every approver out.
            LogWarningApproverGroupUnavailable(logger, settings.ApproverGroupId, result.Failure!.Error);
            return _groupMembers ?? [];
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Approver group {UserGroupId} could not be read from Slack ({SlackError}); " +
            "using the last known members")]
    private static partial void LogWarningApproverGroupUnavailable(
        ILogger logger, string userGroupId, string slackError);
}
