namespace ApprovalBot.Grains;

/// <summary>
/// Hands out posting slots for one Slack channel, keyed by channel id, so that all silos together keep to
/// <c>Slack:PostsPerSecondPerChannel</c>. Slots live in memory: after a restart pacing simply starts afresh.
/// </summary>
[Alias("approvalbot.IChannelPacerGrain")]
public interface IChannelPacerGrain : IGrainWithStringKey
{
    /// <summary>Reserves the next free slot and returns when it begins.</summary>
    [Alias("ReserveSlot")]
    Task<DateTimeOffset> ReserveSlotAsync(double postsPerSecond);
}
