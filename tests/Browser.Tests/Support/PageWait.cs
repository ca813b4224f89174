namespace ApprovalBot.Browser.Tests.Support;

/// <summary>Polls a page until a condition holds; at the deadline, says what was expected and seen.</summary>
public static class PageWait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task UntilAsync(
        Func<Task<bool>> condition, string expectation, Func<Task<string>> seen, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Expected {expectation} within {limit.TotalSeconds} s. Seen instead: {await seen()}");
            }

            await Task.Delay(Poll);
        }
    }
}
