using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ApprovalBot.TestSupport.Cluster;

/// <summary>
/// What a test cluster's silos share with the test: the database, the Slack fake and the clock. Orleans creates
/// silo configurators by type, so silos find their context through a key in the host configuration.
/// </summary>
public sealed class ApprovalTestContext : IAsyncDisposable
{
    public const string ContextKey = "ApprovalBotTest:Context";
    private static readonly ConcurrentDictionary<string, ApprovalTestContext> Contexts = new();

    public ApprovalTestContext(string connectionString, FakeTimeProvider? time = null)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Time = time;
        Contexts[Id] = this;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Stable across cluster restarts: state and reminders are stored under the service id.</summary>
    public string ServiceId { get; } = "approvalbot-test-" + Guid.NewGuid().ToString("N")[..8];

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public RecordingSlack Slack { get; } = new();

    /// <summary>
    /// When set, silos use the real Slack Web API client configured by <see cref="Settings"/> (pointed at the
    /// sandbox) instead of <see cref="Slack"/>.
    /// </summary>
    public bool UseRealSlackClient { get; set; }

    /// <summary>
    /// Runs last on every silo's builder of this context (for example to add a logging provider that records what
    /// the silos log).
    /// </summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>The approval and reminder clock; null runs on real time.</summary>
    public FakeTimeProvider? Time { get; }

    /// <summary>Configuration every silo of this context gets (the contract's keys).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Slack:ApprovalChannelId"] = TestIds.ApprovalChannel,
        ["Slack:BotToken"] = "xoxb-test-token",
        ["Slack:PostsPerSecondPerChannel"] = "0",
        ["Approval:Approvers:0"] = TestIds.Approver1,
        ["Approval:Approvers:1"] = TestIds.Approver2,
        ["Approval:Approvers:2"] = TestIds.Approver3,
    };

    public static ApprovalTestContext Get(string? id) =>
        id is not null && Contexts.TryGetValue(id, out var context)
            ? context
            : throw new InvalidOperationException($"No test context '{id}' is registered.");

    public async ValueTask DisposeAsync()
    {
        Contexts.TryRemove(Id, out _);
        await DataSource.DisposeAsync();
    }
}

/// <summary>Slack ids the tests use.</summary>
public static class TestIds
{
    public const string Team = "T0TESTTEAM";
    public const string ApprovalChannel = "C0APPROVALS";
    public const string OtherChannel = "C0ELSEWHERE";
    public const string Requester = "U0REQUESTER";
    public const string Approver1 = "U0APPROVER1";
    public const string Approver2 = "U0APPROVER2";
    public const string Approver3 = "U0APPROVER3";
    public const string Approver4 = "U0APPROVER4";
    public const string Approver5 = "U0APPROVER5";
    public const string Outsider = "U0OUTSIDER";
}
