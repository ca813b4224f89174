namespace ApprovalBot.Bench.Load;

/// <summary>
/// The Api's answer to one signed request: status (0 when none came), body and how long it took.
/// </summary>
public sealed record SlackAnswer(int Status, string Body, TimeSpan Elapsed)
{
    /// <summary>
    /// The Api replied that the grain could not be reached in its budget: nothing is confirmed.
    /// </summary>
    public bool NotConfirmed => Body.Contains("could not be confirmed", StringComparison.Ordinal);
}
