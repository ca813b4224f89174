namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>
/// The in-memory Slack workspace: users, channels, messages, views and every call recorded.
/// All accessors return immutable snapshots taken under one lock, so tests may read while the
/// bot writes. Mutations live in the other half of this partial class.
/// </summary>
public sealed partial class SandboxWorkspace
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SandboxUser> _users = new(StringComparer.Ordinal);
    private readonly List<SandboxChannel> _channels = [];
    private readonly Dictionary<string, List<SandboxMessage>> _messages = new(StringComparer.Ordinal);

    /// <summary>Where each ts is: its channel and its place in that channel's list (ts are workspace-unique).</summary>
    private readonly Dictionary<string, (string ChannelId, int Index)> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxView> _views = new(StringComparer.Ordinal);
    private readonly List<SandboxCall> _calls = [];
    private readonly List<SandboxDelivery> _deliveries = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _version;
    private long _lastTsMicros;

    internal SandboxWorkspace(SandboxOptions options, TimeProvider time)
    {
        _time = time;
        TeamId = options.TeamId;
        foreach (var u in options.EffectiveUsers())
        {
            var realName = string.IsNullOrWhiteSpace(u.RealName) ? u.Name : u.RealName;
            _users[u.Id] = new SandboxUser(u.Id, u.Name, realName, u.IsApprover);
        }

        AddChannel(new SandboxChannel(options.ApprovalChannelId, "approvals", SandboxChannelKind.Private));
        if (!string.IsNullOrWhiteSpace(options.EscalationChannelId))
        {
            AddChannel(new SandboxChannel(
                options.EscalationChannelId, "approvals-escalation", SandboxChannelKind.Private));
        }

        AddChannel(new SandboxChannel(options.GeneralChannelId, "general", SandboxChannelKind.Public));
        _groups[options.ApproverGroupId] = [.. _users.Values.Where(u => u.IsApprover).Select(u => u.Id)];
    }

    public string TeamId { get; }

    /// <summary>Grows by one on every change; the page and waiters use it to notice changes.</summary>
    public long Version => Read(() => _version);

    public IReadOnlyList<SandboxUser> Users => Read(() => (IReadOnlyList<SandboxUser>)[.. _users.Values]);

    public IReadOnlyList<SandboxChannel> Channels =>
        Read(() => (IReadOnlyList<SandboxChannel>)[.. _channels]);

    public IReadOnlyList<SandboxCall> AllCalls => Read(() => (IReadOnlyList<SandboxCall>)[.. _calls]);

    public IReadOnlyList<SandboxDelivery> Deliveries =>
        Read(() => (IReadOnlyList<SandboxDelivery>)[.. _deliveries]);

    public SandboxUser? User(string userId) => Read(() => _users.GetValueOrDefault(userId));

    public SandboxChannel? Channel(string channelId) =>
        Read(() => _channels.Find(c => string.Equals(c.Id, channelId, StringComparison.Ordinal)));

    /// <summary>The id a user's DM with the bot has (or will have once something is posted there).</summary>
    public static string DirectChannelIdFor(string userId) => "D" + userId[1..];

    /// <summary>Messages of a channel in ts order, ephemeral ones included, deleted ones left out.</summary>
    public IReadOnlyList<SandboxMessage> Messages(string channelId) =>
        Read(() => (IReadOnlyList<SandboxMessage>)[.. MessageList(channelId).Where(m => !m.IsDeleted)]);

    /// <summary>
    /// What <paramref name="userId"/> sees in a channel: normal messages and their own ephemerals.
    /// </summary>
    public IReadOnlyList<SandboxMessage> MessagesVisibleTo(string channelId, string userId) =>
        Read(() => (IReadOnlyList<SandboxMessage>)
            [.. MessageList(channelId).Where(m => m.IsVisibleTo(userId))]);

    /// <summary>
    /// A message by ts with its edit history; deleted messages are returned with IsDeleted set.
    /// </summary>
    public SandboxMessage? Message(string channelId, string ts) =>
        Read(() => IndexOf(channelId, ts) is { } index ? _messages[channelId][index] : null);

    /// <summary>
    /// The messages of a channel from the <paramref name="start"/>th posted on, in posting order, deleted ones
    /// included (flagged): a reader that remembers how many it has seen reads only what is new.
    /// </summary>
    public IReadOnlyList<SandboxMessage> MessagesFrom(string channelId, int start) =>
        Read(() =>
        {
            var list = MessageList(channelId);
            return start >= list.Count
                ? (IReadOnlyList<SandboxMessage>)[]
                : list.GetRange(start, list.Count - start);
        });

    /// <summary>Calls recorded for one method (<c>chat.postMessage</c>, …, or <c>response_url</c>).</summary>
    public IReadOnlyList<SandboxCall> Calls(string method) =>
        Read(() => (IReadOnlyList<SandboxCall>)[.. _calls.Where(c => c.Method == method)]);

    public IReadOnlyList<string>? GroupMembers(string groupId) =>
        Read(() => _groups.GetValueOrDefault(groupId));

    public SandboxView? View(string viewId) => Read(() => _views.GetValueOrDefault(viewId));

    public IReadOnlyList<SandboxView> OpenViews(string userId) => Read(() => (IReadOnlyList<SandboxView>)
        [.. _views.Values.Where(v => v.IsOpen && v.UserId == userId).OrderBy(v => v.OpenedAt)]);

    /// <summary>The current version and a task that completes at the next change.</summary>
    internal (long Version, Task Changed) ChangeSignal() => Read(() => (_version, _changed.Task));

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private List<SandboxMessage> MessageList(string channelId) =>
        _messages.TryGetValue(channelId, out var list) ? list : [];

    private int? IndexOf(string channelId, string ts) =>
        _positions.TryGetValue(ts, out var at) && string.Equals(at.ChannelId, channelId, StringComparison.Ordinal)
            ? at.Index
            : null;

    private void AddChannel(SandboxChannel channel)
    {
        _channels.Add(channel);
        _messages[channel.Id] = [];
    }

    private static TaskCompletionSource NewSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
