namespace ApprovalBot.TestSupport.Cluster;

/// <summary>
/// Polls stored state until a condition holds, for facts that no event announces (a grain's write landing in
/// PostgreSQL). Fails with what was expected, never passes on a timeout.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string expectation, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {expectation} within {timeout ?? TimeSpan.FromSeconds(30)}.");
            }

            await Task.Delay(Poll);
        }
    }
}
