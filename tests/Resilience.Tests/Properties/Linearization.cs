namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// Checks a batch of concurrent calls against the model: the answers must be those of some order of the calls
/// applied one at a time (each grain takes one call at a time). Every state such an order leaves is kept,
/// since answers need not tell the orders apart.
/// </summary>
public static class Linearization
{
    public static IReadOnlyList<ApprovalModel> Apply(
        IReadOnlyList<ApprovalModel> models, IReadOnlyList<Call> calls, IReadOnlyList<string> answers)
    {
        var next = new Dictionary<string, ApprovalModel>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var order in Orders(calls.Count))
            {
                var candidate = model.Clone();
                if (order.All(i => candidate.Apply(calls[i]) == answers[i]))
                {
                    next.TryAdd(candidate.Key, candidate);
                }
            }
        }

        if (next.Count > 0)
        {
            return [.. next.Values];
        }

        var seen = string.Join(", ",
            calls.Select((c, i) => $"{c.Op}{(c.TokenKnown ? "" : " (no token)")} -> {answers[i]}"));
        var expected = string.Join(", ", calls.Select(models[0].Clone().Apply));
        throw new Xunit.Sdk.XunitException(
            $"No order of the concurrent calls explains the answers [{seen}]; the model answers, " +
            $"in the order sent: [{expected}]");
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
