using Microsoft.Extensions.DependencyInjection;

namespace ApprovalBot.Grains.Slack;

/// <summary>A per-channel token spacing: each reservation gets the slot after the previous one.</summary>
public sealed class ChannelPacerGrain(
    [FromKeyedServices(ApprovalClock.ServiceKey)] TimeProvider clock) : Grain, IChannelPacerGrain
{
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public Task<DateTimeOffset> ReserveSlotAsync(double postsPerSecond)
    {
        var now = clock.GetUtcNow();
        var slot = _nextSlot > now ? _nextSlot : now;
        _nextSlot = slot + TimeSpan.FromSeconds(1 / postsPerSecond);
        return Task.FromResult(slot);
    }
}
