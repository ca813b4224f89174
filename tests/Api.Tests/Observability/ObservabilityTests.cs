using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ApprovalBot.Api.Tests.Support;
using ApprovalBot.Grains.Diagnostics;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Cluster;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Observability;

/// <summary>A product of its own, so that the meter counts only what these tests do.</summary>
public sealed class ObservedProductFixture : ProductFixture
{
    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync("observed");
}

/// <summary>
/// One approval seen as an operator sees it: one trace per Slack request, and the ApprovalBot meter.
/// </summary>
public sealed class ObservabilityTests(ObservedProductFixture fixture) : IClassFixture<ObservedProductFixture>
{
    private SlackSandboxServer Sandbox => fixture.Product.Sandbox;

    [Fact]
    public async Task Approval_TracedFromSlashCommand_GrainCallAndSlackCallsShareTheCommandsTrace()
    {
        using var recorder = new ActivityRecorder();

        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "traced@example.com follow me");
        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");
        await Sandbox.WaitForFinalMessageAsync(id!, "approved");

        await AssertTraceAsync(recorder, "/slack/commands", "Submit", "chat.postMessage");
        await AssertTraceAsync(recorder, "/slack/interactions", "Decide", "chat.update");
    }

    [Fact]
    public async Task Approval_CreatedAndDecided_CountedOnceEachOnTheApprovalBotMeter()
    {
        var measurements = new ConcurrentQueue<(string Name, long Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ApprovalMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue(
            (instrument.Name, value, OutcomeOf(tags))));
        listener.Start();

        var (id, message) = await Sandbox.PostedRequestAsync(SandboxUsers.Alice, "counted@example.com");
        await Sandbox.ClickAsync(SandboxUsers.Bob, SandboxFlow.ApprovalChannel, message.Ts, "approve");
        await Sandbox.WaitForFinalMessageAsync(id!, "approved");

        Assert.Equal([("approvalbot.requests.created", 1L, (string?)null)],
            measurements.Where(m => m.Name == "approvalbot.requests.created"));
        Assert.Equal([("approvalbot.requests.decided", 1L, (string?)"approved")],
            measurements.Where(m => m.Name == "approvalbot.requests.decided"));
    }

    /// <summary>
    /// The Api's server span for <paramref name="path"/>, an Orleans span of the grain method and the grain's
    /// Slack call must carry one trace id. Spans end a little after the answers they time, so this waits.
    /// </summary>
    private static async Task AssertTraceAsync(
        ActivityRecorder recorder, string path, string method, string slack)
    {
        Activity? server = null;
        try
        {
            await Eventually.HoldsAsync(() =>
            {
                server = recorder.ServerSpan(path);
                var trace = server is null ? [] : recorder.Trace(server.TraceId);
                return Task.FromResult(
                    trace.Any(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
                        && a.DisplayName.Contains(method, StringComparison.Ordinal))
                    && trace.Any(a => a.Source.Name == "System.Net.Http"
                        && ActivityRecorder.Mentions(a, slack)));
            }, $"the trace of POST {path} to hold the grain call {method} and the Slack call {slack}",
            TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException e)
        {
            var seen = server is null ? "no server span at all" : recorder.Describe(server.TraceId);
            throw new TimeoutException($"{e.Message} Seen: {seen}", e);
        }
    }

    private static string? OutcomeOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "outcome")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
