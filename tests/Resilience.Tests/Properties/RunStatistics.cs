using System.Collections.Concurrent;
using System.Globalization;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>What the runs did, so a report can say how much was exercised.</summary>
public sealed class RunStatistics
{
    private readonly ConcurrentDictionary<string, int> _answers = new();
    private int _runs;
    private int _batches;
    private int _concurrentBatches;
    private int _restarts;

    public int Runs => _runs;

    public void CountRun() => Interlocked.Increment(ref _runs);

    public void CountRestart() => Interlocked.Increment(ref _restarts);

    public void CountBatch(int calls)
    {
        Interlocked.Increment(ref _batches);
        if (calls > 1)
        {
            Interlocked.Increment(ref _concurrentBatches);
        }
    }

    /// <summary>Counts an answer by its first word (a submission's deadline is left out).</summary>
    public void CountAnswer(string answer) => _answers.AddOrUpdate(answer.Split(' ')[0], 1, (_, n) => n + 1);

    public override string ToString()
    {
        var answers = string.Join(", ", _answers.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{_runs} runs (shrinking included), {_batches} batches ({_concurrentBatches} concurrent), " +
            $"{_restarts} cluster restarts; answers: {answers}");
    }
}
