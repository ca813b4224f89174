using ApprovalBot.Grains;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Faults;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Resilience.Tests.Faults;

/// <summary>
/// Slack refusing every call (nothing applied) for a while: decisions, cancellations and timeouts go on, and
/// once Slack is back every message and notice owed appears exactly once. Also Slack doing a call but its answer
/// being lost: the approval message is still shown once.
/// </summary>
public sealed class SlackOutageTests(SlackOutageFixture fixture)
    : IClassFixture<SlackOutageFixture>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task SlackDown_ForAPeriod_EveryOutcomePostedExactlyOnceAfterwards()
    {
        var approved = await PostedAsync("period-approved@example.com");
        var cancelled = await PostedAsync("period-cancelled@example.com");
        var waiting = await PostedAsync("period-waiting@example.com");
        Sandbox.Faults.Add(
            new SandboxFault(SandboxFaultKind.FailBeforeApply, SandboxFaults.AllMethods, int.MaxValue));

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, approved.Ts, "approve");
        var cancel = await Sandbox.CommandAsync(SandboxUsers.Alice, "cancel " + cancelled.Id);
        var expiring = await SubmitAsync("period-expired@example.com --timeout 10m");
        var unposted = await SubmitAsync("period-unposted@example.com");
        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        await Sandbox.WaitForAsync(w => Refused(w, "chat.update") >= 2 && Refused(w, "chat.postMessage") >= 2,
            Wait, "the rewrites and the new posts to be refused while Slack is down");
        var postedDuringOutage = new[] { expiring, unposted }
            .Count(id => SandboxFlow.ApprovalMessage(Sandbox.Workspace, id) is not null);
        var buttonsDuringOutage = new[] { approved, cancelled }
            .Select(r => SandboxFlow.ApprovalMessage(Sandbox.Workspace, r.Id)!.ButtonActionIds().Count)
            .ToList();
        Sandbox.Faults.Clear();
        var stored = await fixture.Stored.DrainedAsync(fixture.Time);

        Assert.Contains("withdrawn", cancel.Text, StringComparison.Ordinal);
        Assert.Equal(0, postedDuringOutage);
        Assert.All(buttonsDuringOutage, count => Assert.Equal(2, count));
        Assert.Equal(ApprovalStatus.Approved, stored[approved.Id].Status);
        Assert.Equal(ApprovalStatus.Cancelled, stored[cancelled.Id].Status);
        Assert.Equal(ApprovalStatus.Expired, stored[expiring].Status);
        Assert.Equal(ApprovalStatus.Pending, stored[waiting.Id].Status);
        Assert.Equal(ApprovalStatus.Pending, stored[unposted].Status);
        AssertExactlyOnce([approved.Id, cancelled.Id, expiring], closed: true);
        AssertExactlyOnce([waiting.Id, unposted], closed: false);
        AssertAgreement(stored);
    }

    [Fact]
    public async Task SlackDown_ForTheNextCallsWithServerErrors_EveryOutcomePostedExactlyOnceAfterwards()
    {
        var decided = await PostedAsync("errors-decided@example.com");
        var callsBefore = Sandbox.Workspace.AllCalls.Count;
        Sandbox.Faults.Add(
            new SandboxFault(SandboxFaultKind.ServerError, SandboxFaults.AllMethods, Count: 6));

        await Sandbox.ClickAsync(SandboxUsers.Carol, SandboxFlow.ApprovalChannel, decided.Ts, "approve");
        var submitted = await SubmitAsync("errors-new@example.com");
        var stored = await fixture.Stored.DrainedAsync(fixture.Time);

        Assert.Empty(Sandbox.Faults.Active);
        Assert.Equal(6, Sandbox.Workspace.AllCalls.Skip(callsBefore).Count(c => c.StatusCode == 500));
        Assert.Equal(ApprovalStatus.Approved, stored[decided.Id].Status);
        Assert.Equal(SandboxUsers.Carol, stored[decided.Id].DecidedBy);
        AssertExactlyOnce([decided.Id], closed: true);
        AssertExactlyOnce([submitted], closed: false);
        AssertAgreement(stored);
    }

    [Fact]
    public async Task SlackAnswersLost_AfterPostingAndAfterRewriting_EachMessageShownOnce()
    {
        Sandbox.Faults.Add(new SandboxFault(SandboxFaultKind.ApplyThenFail, "chat.postMessage"));
        var id = await SubmitAsync("answer-lost@example.com");
        var posted = await Sandbox.WaitForApprovalMessageAsync(id);
        Sandbox.Faults.Add(new SandboxFault(SandboxFaultKind.ApplyThenFail, "chat.update"));

        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, posted.Ts, "approve");
        var stored = await fixture.Stored.DrainedAsync(fixture.Time);

        var lostAnswers = Sandbox.Workspace.AllCalls
            .Count(c => c.StatusCode == 500 && c.Body.Contains(id, StringComparison.Ordinal));
        Assert.Equal(2, lostAnswers);
        Assert.Contains(Sandbox.Workspace.Calls("conversations.history"), c => c.Succeeded);
        var message = Assert.Single(SandboxFlow.ApprovalMessages(Sandbox.Workspace, id));
        Assert.Equal(posted.Ts, message.Ts);
        Assert.Equal(posted.Ts, stored[id].MessageTs);
        Assert.Equal(ApprovalStatus.Approved, stored[id].Status);
        Assert.Empty(message.ButtonActionIds());
        Assert.Single(SandboxFlow.OutcomeNoticesTo(Sandbox.Workspace, SandboxUsers.Alice, id));
        AssertAgreement(stored);
    }

    public void Dispose() => Sandbox.Faults.Clear();

    private async Task<(string Id, string Ts)> PostedAsync(string text)
    {
        var id = await SubmitAsync(text);
        return (id, (await Sandbox.WaitForApprovalMessageAsync(id)).Ts);
    }

    private async Task<string> SubmitAsync(string text)
    {
        var reply = await Sandbox.CommandAsync(SandboxUsers.Alice, text);
        return reply.CorrelationId
            ?? throw new InvalidOperationException($"'/approve {text}' created no request: {reply.Text}");
    }

    private static int Refused(SlackSandbox.Workspace.SandboxWorkspace workspace, string method) =>
        workspace.Calls(method).Count(c => c.StatusCode == 503);

    /// <summary>
    /// One accepted post per request, one accepted rewrite and notice per closed one, none else.
    /// </summary>
    private void AssertExactlyOnce(IEnumerable<string> ids, bool closed)
    {
        foreach (var id in ids)
        {
            var posts = Accepted("chat.postMessage", id);
            var rewrites = Accepted("chat.update", id);
            var notices = SandboxFlow.OutcomeNoticesTo(Sandbox.Workspace, SandboxUsers.Alice, id).Count;
            Assert.True(posts == 1 && rewrites <= (closed ? 1 : 0) && notices == (closed ? 1 : 0),
                $"{id} ({(closed ? "closed" : "pending")}): {posts} posts, {rewrites} rewrites, " +
                $"{notices} notices.");
        }
    }

    private int Accepted(string method, string id) =>
        Sandbox.Workspace.Calls(method).Count(c => c.Succeeded
            && c.Body.Contains(id, StringComparison.Ordinal)
            && !c.Body.Contains("Your approval request", StringComparison.Ordinal));

    private void AssertAgreement(IReadOnlyDictionary<string, Grains.Approval.ApprovalState> stored)
    {
        var view = new SandboxSlackView(Sandbox.Workspace);
        Agreement.Holds(stored.Keys.Union(view.CorrelationIds()), stored, view);
    }
}
