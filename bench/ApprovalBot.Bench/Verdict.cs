namespace ApprovalBot.Bench;

/// <summary>
/// What makes a run say the product is broken (exit code 1): a measurement that failed, a request answered
/// with something other than 200, an approval or a timeout that never showed in Slack. Slowness is reported,
/// never judged here: the targets are stated in the report, not asserted.
/// </summary>
public static class Verdict
{
    public static IReadOnlyList<string> Problems(BenchResults results)
    {
        var problems = new List<string>(results.Failures);
        foreach (var level in results.Ack ?? [])
        {
            var commands = level.Commands.Summary();
            var clicks = level.Clicks.Summary();
            if (commands.Non200 + clicks.Non200 > 0)
            {
                problems.Add(Format.Invariant(
                    $"{commands.Non200 + clicks.Non200} non-200 answers at {level.InFlight} in flight"));
            }

            if (level.Created.IsEmpty)
            {
                problems.Add(Format.Invariant($"no request was created at {level.InFlight} in flight"));
            }
        }

        foreach (var run in new[] { results.Postgres, results.InMemory })
        {
            if (run is not null && (run.Completed == 0 || run.Incomplete > 0))
            {
                problems.Add(Format.Invariant($"end to end ({run.Variant}): {run.Completed} completed, ") +
                    Format.Invariant($"{run.Incomplete} clicked but never shown"));
            }
        }

        if (results.Timeout is { } timeout && (timeout.Created == 0 || timeout.Expired < timeout.Created))
        {
            problems.Add(
                Format.Invariant($"timeouts: {timeout.Expired} of {timeout.Created} shown as expired"));
        }

        if (results.RateLimited is { } paced && paced.Posted < paced.Created)
        {
            problems.Add(Format.Invariant($"rate-limited: {paced.Posted} of {paced.Created} posted"));
        }

        return problems;
    }
}
