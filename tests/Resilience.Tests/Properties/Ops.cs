using ApprovalBot.TestSupport.Cluster;
using CsCheck;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// Who acts: two listed approvers, the request's own requester, and someone who may not decide.
/// </summary>
public enum Actor
{
    Approver1,
    Approver2,
    Requester,
    Outsider,
}

/// <summary>The Slack users the actors are.</summary>
public static class Actors
{
    public static string UserId(this Actor actor, string requester) => actor switch
    {
        Actor.Approver1 => TestIds.Approver1,
        Actor.Approver2 => TestIds.Approver2,
        Actor.Requester => requester,
        _ => TestIds.Outsider,
    };
}

/// <summary>One thing a user (or time) does to the requests of a run, which are numbered from 0.</summary>
public abstract record Op;

public sealed record SubmitOp(int Request) : Op;

public sealed record CancelOp(int Request, bool ByRequester) : Op;

/// <summary>
/// A button click; <see cref="Twice"/> sends the same click twice at once, as a double click or a retry.
/// </summary>
public sealed record ClickOp(int Request, Actor Clicker, bool Approve, bool Twice) : Op;

/// <summary>
/// Time passes on the clock the grains and their reminders share (requests time out after 5 minutes).
/// </summary>
public sealed record AdvanceOp(int Minutes) : Op;

/// <summary>The whole cluster is stopped and started again on the same database.</summary>
public sealed record RestartOp : Op;

/// <summary>
/// A run: its requests' count and batches of operations; the operations of a batch are sent at the same time,
/// batches one after the other.
/// </summary>
public sealed record Run(int Requests, Op[][] Batches)
{
    public override string ToString() =>
        $"{Requests} requests: " +
        string.Join(" ; ", Batches.Select(b => string.Join(" | ", b.Select(o => o))));
}

/// <summary>Generators for runs.</summary>
public static class RunGen
{
    private const int MaxRequests = 3;

    public static readonly Gen<Op> Op = Gen.Frequency(
        (3, Gen.Int[0, MaxRequests - 1].Select(r => (Op)new SubmitOp(r))),
        (2, Gen.Select(Gen.Int[0, MaxRequests - 1], Gen.Bool,
            (r, byRequester) => (Op)new CancelOp(r, byRequester))),
        (7, Gen.Select(Gen.Int[0, MaxRequests - 1], Gen.Enum<Actor>(), Gen.Bool, Gen.Int[0, 3],
            (r, actor, approve, twice) => (Op)new ClickOp(r, actor, approve, twice == 0))),
        (1, Gen.Int[1, 7].Select(minutes => (Op)new AdvanceOp(minutes))));

    /// <summary>
    /// Requests submitted together first (so most runs have something to click), then 1 to 6 batches.
    /// </summary>
    public static readonly Gen<Run> Run =
        from requests in Gen.Int[1, MaxRequests]
        from batches in Op.Array[1, 3].Array[1, 6]
        let submits = Enumerable.Range(0, requests).Select(r => (Op)new SubmitOp(r)).ToArray()
        select new Run(requests, [submits, .. batches]);

    /// <summary>
    /// Like <see cref="Run"/>, with one restart of the cluster somewhere after the submissions.
    /// </summary>
    public static readonly Gen<Run> RunWithRestart =
        from run in Run
        from at in Gen.Int[1, run.Batches.Length]
        select run with { Batches = [.. run.Batches[..at], [new RestartOp()], .. run.Batches[at..]] };
}
