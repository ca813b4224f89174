using System.Globalization;
using ApprovalBot.Api.Interactions;
using ApprovalBot.Grains;
using ApprovalBot.Grains.Approval;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Product;
using Xunit.Abstractions;

namespace ApprovalBot.Resilience.Tests.Faults;

/// <summary>
/// PostgreSQL stopped while requests and clicks keep coming, then started again. The server is the test's
/// own: the shared one is never stopped.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Short, so a change the grain kept only in memory would reach Slack within the test.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    private PrivatePostgres _server = null!;
    private PrivateProduct _product = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivatePostgres.StartAsync("outage");
        var database = await PrivateDatabase.CreateAsync(_server, "outage");
        _product = await PrivateProduct.StartAsync(database.RuntimeConnectionString,
            new Dictionary<string, string?>
            {
                ["Approval:WatchdogPeriod"] = "00:00:02",
                ["Approval:MaxPendingPerRequester"] = "1000",
            },
            new Dictionary<string, string?> { ["Api:GrainCallBudget"] = "00:00:01" });
    }

    public async Task DisposeAsync()
    {
        // Silos stopping without their database would wait for it: bring it back after a failed test.
        if (!_server.IsRunning)
        {
            await _server.StartAsync();
        }

        await _product.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Postgres_StoppedUnderLoadThenRestarted_KeepsAcknowledgedAndNeverShowsFailedDecisions()
    {
        var sandbox = _product.Sandbox;
        var first = await sandbox.CommandAsync(SandboxUsers.Alice, "probe@example.com");
        var probe = first.CorrelationId ?? throw new InvalidOperationException("Not created: " + first.Text);
        var probeTs = (await sandbox.WaitForApprovalMessageAsync(probe)).Ts;
        var silo = _product.Cluster.Cluster.Silos[0].SiloAddress;
        await using var stream = OutageWorkload.Start(_product);
        await stream.WaitForAsync(s => s.Count(x => x.Result == StepResult.Accepted) >= 2,
            "two acknowledged decisions before the outage", TimeSpan.FromSeconds(60));

        await _server.StopAsync();
        var down = stream.Now;
        await sandbox.ClickAsync(SandboxUsers.Carol, SandboxFlow.ApprovalChannel, probeTs, "approve");
        await sandbox.WaitForAsync(w => NotConfirmedTo(w, SandboxUsers.Carol).Count == 1,
            TimeSpan.FromSeconds(30), "Carol to be told her click could not be confirmed");
        await stream.WaitForAsync(
            s => s.Count(x => x.Start > down && x.Result == StepResult.NotConfirmed) >= 2,
            "the Api to answer two commands with 'could not be confirmed'", TimeSpan.FromSeconds(60));
        // Nothing announces that something did not happen: give the watchdog ticks time to misbehave.
        await Task.Delay(Watchdog * 3);
        var probeDuringOutage = SandboxFlow.ApprovalMessage(sandbox.Workspace, probe)!;
        var up = stream.Now;
        await _server.StartAsync();
        await stream.WaitForAsync(s => s.Count(x => x.Start > up && x.Result == StepResult.Accepted) >= 2,
            "two acknowledged decisions after PostgreSQL is back, with the same silo", Recovery);
        await stream.StopAsync();
        await sandbox.ClickAsync(SandboxUsers.Carol, SandboxFlow.ApprovalChannel, probeTs, "approve");
        await sandbox.WaitForFinalMessageAsync(probe, "approved");
        var stored = await new StoredRequests(_product.Context.ConnectionString, _product.Context.ServiceId,
            _product.Cluster.Cluster.Client.ServiceProvider).DrainedAsync();

        var steps = stream.Steps;
        Report(steps, down, up);
        Assert.Equal(["approve", "deny"], probeDuringOutage.ButtonActionIds());
        Assert.Equal(ClickReplies.NotConfirmed,
            NotConfirmedTo(sandbox.Workspace, SandboxUsers.Carol).Single().Text);
        Assert.Equal(SandboxUsers.Carol, stored[probe].DecidedBy);
        Assert.All(steps.Where(s => !s.IsDecision && s.Start > down && s.End < up),
            s => Assert.Equal(StepResult.NotConfirmed, s.Result));
        Assert.Equal(silo, Assert.Single(_product.Cluster.Cluster.GetActiveSilos()).SiloAddress);
        Assert.All(steps.Where(s => s.Result == StepResult.Accepted), s =>
            Assert.Equal((ApprovalStatus.Approved, SandboxUsers.Bob), Outcome(stored, s.CorrelationId!)));
        var failedWhileDown = steps
            .Where(s => s.IsDecision && s.Result == StepResult.Failed && s.Start > down && s.End < up)
            .ToList();
        Assert.NotEmpty(failedWhileDown);
        Assert.All(failedWhileDown,
            s => Assert.Equal((ApprovalStatus.Pending, null), Outcome(stored, s.CorrelationId!)));
        var view = new SandboxSlackView(sandbox.Workspace);
        Agreement.Holds(stored.Keys.Union(view.CorrelationIds()), stored, view);
    }

    private static IReadOnlyList<SandboxMessage> NotConfirmedTo(SandboxWorkspace workspace, string user) =>
        SandboxFlow.EphemeralsTo(workspace, user, "could not be confirmed");

    private static (ApprovalStatus, string?) Outcome(
        IReadOnlyDictionary<string, ApprovalState> stored, string id) =>
        stored.TryGetValue(id, out var state) ? (state.Status, state.DecidedBy) : (ApprovalStatus.None, null);

    private void Report(IReadOnlyList<StreamStep> steps, TimeSpan down, TimeSpan up)
    {
        int Count(Func<StreamStep, bool> match) => steps.Count(match);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL down from {down.TotalSeconds:F1} s to {up.TotalSeconds:F1} s of the stream."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Commands: {Count(s => !s.IsDecision)}, created {Count(s => s.Result == StepResult.Created)}, " +
            $"not confirmed {Count(s => s.Result == StepResult.NotConfirmed)}. " +
            $"Decisions: {Count(s => s.IsDecision)}, " +
            $"accepted {Count(s => s.Result == StepResult.Accepted)}, " +
            $"failed {Count(s => s.Result == StepResult.Failed)}, " +
            $"unknown {Count(s => s.Result == StepResult.Unknown)}."));
    }
}
