using System.Globalization;
using ApprovalBot.Grains;

namespace ApprovalBot.Resilience.Tests.Properties;

/// <summary>
/// One call a batch makes: an operation, and whether the clicker had the button's real token.
/// </summary>
public sealed record Call(Op Op, bool TokenKnown);

/// <summary>What the model knows of one request.</summary>
public sealed record ModelRequest(
    bool Exists, DateTimeOffset Deadline, ApprovalStatus Status, Actor? DecidedBy)
{
    public static readonly ModelRequest None = new(false, DateTimeOffset.MinValue, ApprovalStatus.None, null);

    public bool IsClosed => Status is not (ApprovalStatus.None or ApprovalStatus.Pending);
}

/// <summary>
/// The rules, small enough to trust: a request is created once; a click with the real token from an approver
/// who is not the requester decides a pending request; the requester may withdraw it; past its deadline it is
/// expired, whoever touches it first; a closed request never changes again.
/// </summary>
public sealed class ApprovalModel
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly ModelRequest[] _requests;

    public ApprovalModel(int requests, DateTimeOffset now)
    {
        _requests = [.. Enumerable.Repeat(ModelRequest.None, requests)];
        Origin = now;
        Now = now;
    }

    private ApprovalModel(ModelRequest[] requests, DateTimeOffset origin, DateTimeOffset now)
    {
        _requests = requests;
        Origin = origin;
        Now = now;
    }

    /// <summary>The clock when the run began; answers give deadlines relative to it.</summary>
    public DateTimeOffset Origin { get; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Equal for models in the same state, so equivalent orders of a batch count once.</summary>
    public string Key => $"{Now:O}|{string.Join("|", _requests)}";

    public IReadOnlyList<ModelRequest> Requests => _requests;

    public ApprovalModel Clone() => new([.. _requests], Origin, Now);

    /// <summary>
    /// Applies <paramref name="call"/> and returns the answer the product must give, as a word.
    /// </summary>
    public string Apply(Call call) => call.Op switch
    {
        SubmitOp submit => Submit(submit.Request),
        CancelOp cancel => Cancel(cancel),
        ClickOp click => Click(click, call.TokenKnown),
        AdvanceOp advance => Advance(TimeSpan.FromMinutes(advance.Minutes)),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Op, "not an operation of one batch"),
    };

    public string Advance(TimeSpan by)
    {
        Now += by;
        return "advanced";
    }

    /// <summary>
    /// Whether the request is pending with its deadline passed (the product may not have noticed yet).
    /// </summary>
    public bool IsOverdue(int request) =>
        _requests[request] is { Status: ApprovalStatus.Pending } r && Now >= r.Deadline;

    /// <summary>
    /// The answer names the deadline too: a submission racing the clock is otherwise indistinguishable, yet
    /// its deadline decides whether it later times out.
    /// </summary>
    public static string SubmitAnswer(
        SubmitOutcome outcome, DateTimeOffset? deadline, DateTimeOffset origin) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{outcome} due +{((deadline ?? origin) - origin).TotalSeconds:F0}s");

    private string Submit(int request)
    {
        if (_requests[request].Exists)
        {
            return SubmitAnswer(SubmitOutcome.AlreadyExists, _requests[request].Deadline, Origin);
        }

        _requests[request] = new ModelRequest(true, Now + Timeout, ApprovalStatus.Pending, null);
        return SubmitAnswer(SubmitOutcome.Created, Now + Timeout, Origin);
    }

    private string Cancel(CancelOp cancel)
    {
        var r = _requests[cancel.Request];
        if (!r.Exists)
        {
            return nameof(CancelOutcome.NotFound);
        }

        if (!cancel.ByRequester)
        {
            return nameof(CancelOutcome.NotRequester);
        }

        ExpireIfOverdue(cancel.Request);
        if (_requests[cancel.Request].IsClosed)
        {
            return nameof(CancelOutcome.AlreadyClosed);
        }

        _requests[cancel.Request] = r with { Status = ApprovalStatus.Cancelled, DecidedBy = Actor.Requester };
        return nameof(CancelOutcome.Cancelled);
    }

    private string Click(ClickOp click, bool tokenKnown)
    {
        var r = _requests[click.Request];
        if (!r.Exists)
        {
            return nameof(DecisionOutcome.NotFound);
        }

        if (!tokenKnown)
        {
            return nameof(DecisionOutcome.BadToken);
        }

        ExpireIfOverdue(click.Request);
        r = _requests[click.Request];
        if (r.IsClosed)
        {
            return r.Status switch
            {
                ApprovalStatus.Expired => nameof(DecisionOutcome.Expired),
                ApprovalStatus.Cancelled => nameof(DecisionOutcome.Cancelled),
                _ => nameof(DecisionOutcome.AlreadyDecided),
            };
        }

        if (click.Clicker == Actor.Requester)
        {
            return nameof(DecisionOutcome.OwnRequest);
        }

        if (click.Clicker == Actor.Outsider)
        {
            return nameof(DecisionOutcome.NotAnApprover);
        }

        _requests[click.Request] = r with
        {
            Status = click.Approve ? ApprovalStatus.Approved : ApprovalStatus.Denied,
            DecidedBy = click.Clicker,
        };
        return nameof(DecisionOutcome.Accepted);
    }

    private void ExpireIfOverdue(int request)
    {
        if (IsOverdue(request))
        {
            _requests[request] = _requests[request] with { Status = ApprovalStatus.Expired };
        }
    }
}
