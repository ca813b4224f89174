using ApprovalBot.Slack.Messages;
using ApprovalBot.SlackSandbox;
using ApprovalBot.SlackSandbox.Workspace;
using ApprovalBot.TestSupport.Product;
using Microsoft.Extensions.Logging;

namespace ApprovalBot.Security.Tests.Support;

/// <summary>
/// What the product looked like before a hostile request (grain state and reminder rows, calls the sandbox
/// recorded, posts in the approval channel, log entries), and the proof afterwards that nothing of it
/// changed.
/// </summary>
public sealed class StateWatch
{
    // Every grain state row with its version, and every reminder: a write anywhere changes this text.
    private const string Fingerprint = """
        SELECT coalesce((SELECT string_agg(grain_type || ' ' || coalesce(grain_id_extension, '') || ' v'
                                           || version, '; ' ORDER BY grain_type, grain_id_extension)
                         FROM orleans_storage), '')
            || ' | reminders: '
            || coalesce((SELECT string_agg(grain_id || ' ' || reminder_name || ' v' || version, '; '
                                           ORDER BY grain_id, reminder_name)
                         FROM orleans_reminders), '')
        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly SecurityProductFixture _fixture;
    private readonly string _storage;
    private readonly int _calls;
    private readonly int _posts;
    private readonly int _apiLogs;
    private readonly int _siloLogs;

    private StateWatch(SecurityProductFixture fixture, string storage)
    {
        _fixture = fixture;
        _storage = storage;
        _calls = Sandbox.Workspace.AllCalls.Count;
        _posts = SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace);
        _apiLogs = fixture.ApiLogs.Mark;
        _siloLogs = fixture.SiloLogs.Mark;
    }

    private SlackSandboxServer Sandbox => _fixture.Product.Sandbox;

    public static async Task<StateWatch> StartAsync(SecurityProductFixture fixture) =>
        new(fixture, await fixture.Product.Database.ScalarAsync<string>(Fingerprint));

    /// <summary>The Api's and the silos' log entries since the watch started.</summary>
    public IReadOnlyList<CapturedLog> Logs =>
        [.. _fixture.ApiLogs.Since(_apiLogs), .. _fixture.SiloLogs.Since(_siloLogs)];

    /// <summary>
    /// Asserts that no state changed and nothing reached Slack except, when <paramref name="notice"/> is set,
    /// one ephemeral reply to the clicker's <c>response_url</c> containing it.
    /// </summary>
    public async Task AssertNothingChangedAsync(string? notice = null)
    {
        var barrier = await BarrierAsync();
        var calls = Sandbox.Workspace.AllCalls.Skip(_calls).Where(c => !ReferenceEquals(c, barrier)).ToList();
        var seen = string.Join("; ", calls.Select(c => $"{c.Method} {c.Body}"));
        Assert.True(calls.Count == (notice is null ? 0 : 1), $"Expected {(notice is null ? "no" : "one")} " +
            $"call to Slack, saw {calls.Count}: {seen}");
        if (notice is not null)
        {
            Assert.Equal("response_url", calls[0].Method);
            Assert.Contains(notice, calls[0].Body, StringComparison.Ordinal);
        }

        var posts = SandboxFlow.ApprovalChannelPostCount(Sandbox.Workspace);
        Assert.True(posts == _posts, $"Expected {_posts} posts in the approval channel, saw {posts}.");
        var storage = await _fixture.Product.Database.ScalarAsync<string>(Fingerprint);
        Assert.True(storage == _storage,
            $"Expected grain state and reminders untouched:{Environment.NewLine}{_storage}" +
            $"{Environment.NewLine}saw:{Environment.NewLine}{storage}");
        AssertLogsClean();
    }

    /// <summary>
    /// Nothing failed unhandled, and no line of ours was broken in two by what a request carried.
    /// </summary>
    public void AssertLogsClean()
    {
        var bad = Logs.Where(e => e.Level >= LogLevel.Error
            || (e.Level >= LogLevel.Warning && e.Exception is not null)
            || (e.IsOurs && e.Message.AsSpan().IndexOfAny('\r', '\n') >= 0)).ToList();
        Assert.True(bad.Count == 0, "Expected no error, no failure with an exception and no line of ours " +
            "broken in two; saw:" + string.Concat(bad.Select(e => Environment.NewLine + "  " + e.FullText)));
    }

    /// <summary>
    /// A click by Dave, who is no approver, on the anchor request through the sandbox: the Api queues its
    /// ephemeral refusal behind any reply the request under test caused, so once the refusal has reached the
    /// sandbox (the only post to a <c>response_url</c> it issued, hence answered 200) every such reply has
    /// been sent. Returns that call.
    /// </summary>
    private async Task<SandboxCall> BarrierAsync()
    {
        var click = await Sandbox.ClickAsync(
            SandboxUsers.Dave, SandboxFlow.ApprovalChannel, _fixture.Anchor.MessageTs,
            ApprovalMessages.ApproveActionId);
        Assert.Equal(200, click.StatusCode);
        await Sandbox.WaitForAsync(
            w => Barrier(w) is not null, Wait, "Dave's refusal, queued behind the request's own replies");
        return Barrier(Sandbox.Workspace)!;
    }

    private SandboxCall? Barrier(SandboxWorkspace workspace) =>
        workspace.AllCalls.Skip(_calls).LastOrDefault(c => c.Method == "response_url" && c.StatusCode == 200
            && c.Body.Contains("not an approver", StringComparison.Ordinal));
}
