using Microsoft.Extensions.DependencyInjection;

namespace ApprovalBot.Grains.Slack;

/// <summary>
/// A per-channel token spacing: each reservation gets the slot after the previous one. Slots are a tenth wider
/// than the rate asks. Slack counts a post when it arrives, and two posts sent exactly one interval apart arrive
/// closer than that whenever the first was delayed more than the second; a post refused for that takes a slot of
/// its own again, so exact spacing costs more throughput than the margin does.
/// </summary>
public sealed class ChannelPacerGrain(
    [FromKeyedServices(ApprovalClock.ServiceKey)] TimeProvider clock) : Grain, IChannelPacerGrain
{
    /// <summary>How much wider than 1/rate a slot is.</summary>
    public const double SpacingMargin = 1.1;

    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public Task<DateTimeOffset> ReserveSlotAsync(double postsPerSecond)
    {
        var now = clock.GetUtcNow();
        var slot = _nextSlot > now ? _nextSlot : now;
        _nextSlot = slot + TimeSpan.FromSeconds(SpacingMargin / postsPerSecond);
        return Task.FromResult(slot);
    }
}
