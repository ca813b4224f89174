namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// Checks a batch of concurrent calls against the model: the answers must be those of some order of the calls
/// applied one at a time (each grain takes one call at a time), and the model moves on as that order left it.
/// </summary>
public static class Linearization
{
    public static ApprovalModel Apply(ApprovalModel model, IReadOnlyList<Call> calls, IReadOnlyList<string> answers)
    {
        foreach (var order in Orders(calls.Count))
        {
            var candidate = model.Clone();
            if (order.All(i => candidate.Apply(calls[i]) == answers[i]))
            {
                return candidate;
            }
        }

        var seen = string.Join(", ", calls.Select((c, i) => $"{c.Op}{(c.TokenKnown ? "" : " (no token)")} -> {answers[i]}"));
        throw new Xunit.Sdk.XunitException(
            $"No order of the concurrent calls explains the answers [{seen}]; the model expected, in the order sent: " +
            string.Join(", ", calls.Select(model.Clone().Apply)));
    }

    private static IEnumerable<int[]> Orders(int count)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Orders(count - 1))
        {
            for (var at = 0; at <= rest.Length; at++)
            {
                yield return [.. rest[..at], count - 1, .. rest[at..]];
            }
        }
    }
}
