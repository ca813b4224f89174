using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.TestSupport.Cluster;

/// <summary>Moves the fake clock a step at a time until something the clock should cause has happened.</summary>
public static class FakeClock
{
    private const int MaxSteps = 20;
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Advances by <paramref name="step"/>, then gives the silo a moment of real time to act, until
    /// <paramref name="done"/> holds. Needed where the silo's own start-up (loading reminders) races the test.
    /// </summary>
    public static async Task AdvanceUntilAsync(
        FakeTimeProvider time, TimeSpan step, Func<bool> done, string expectation)
    {
        for (var i = 0; i < MaxSteps && !done(); i++)
        {
            time.Advance(step);
            var settled = DateTime.UtcNow + SettleTime;
            while (!done() && DateTime.UtcNow < settled)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(done(), $"Expected {expectation} within {MaxSteps} steps of {step}.");
    }
}
