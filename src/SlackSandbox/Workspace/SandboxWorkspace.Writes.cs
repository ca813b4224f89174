using System.Globalization;

namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>Mutations: each runs under the lock and signals one change.</summary>
public sealed partial class SandboxWorkspace
{
    /// <summary>
    /// Adds a message with a fresh ts from <paramref name="create"/>; returns it as stored.
    /// </summary>
    internal SandboxMessage Post(string channelId, Func<string, DateTimeOffset, SandboxMessage> create)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var message = create(NextTs(now), now);
            if (_messages.TryGetValue(channelId, out var list))
            {
                list.Add(message);
                _positions[message.Ts] = (channelId, list.Count - 1);
            }

            Changed();
            return message;
        }
    }

    /// <summary>Replaces a message's content, keeping what it replaced in its history.</summary>
    internal SandboxMessage? Edit(string channelId, string ts, string text, string? blocksJson)
    {
        return Change(channelId, ts, (old, now) => old with
        {
            Text = text,
            BlocksJson = blocksJson,
            EditedAt = now,
            History = [.. old.History, new SandboxMessageVersion(old.Text, old.BlocksJson, now)],
        });
    }

    internal SandboxMessage? Delete(string channelId, string ts) =>
        Change(channelId, ts, (old, _) => old with { IsDeleted = true });

    /// <summary>
    /// Returns the user's DM channel, creating it the first time, as <c>chat.postMessage</c> does.
    /// </summary>
    internal SandboxChannel? EnsureDirectChannel(string userId)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                return null;
            }

            var id = DirectChannelIdFor(userId);
            var existing = _channels.Find(c => c.Id == id);
            if (existing is not null)
            {
                return existing;
            }

            var channel = new SandboxChannel(id, user.Name, SandboxChannelKind.Direct, userId);
            AddChannel(channel);
            Changed();
            return channel;
        }
    }

    internal void Record(SandboxCall call) => Write(() => _calls.Add(call));

    internal void Record(SandboxDelivery delivery) => Write(() => _deliveries.Add(delivery));

    internal void Put(SandboxView view) => Write(() => _views[view.Id] = view);

    internal SandboxView? ChangeView(string viewId, Func<SandboxView, SandboxView> change)
    {
        lock (_gate)
        {
            if (!_views.TryGetValue(viewId, out var view))
            {
                return null;
            }

            _views[viewId] = change(view);
            Changed();
            return _views[viewId];
        }
    }

    private SandboxMessage? Change(
        string channelId, string ts, Func<SandboxMessage, DateTimeOffset, SandboxMessage> change)
    {
        lock (_gate)
        {
            if (IndexOf(channelId, ts) is not { } index || _messages[channelId][index].IsDeleted)
            {
                return null;
            }

            var list = _messages[channelId];
            list[index] = change(list[index], _time.GetUtcNow());
            Changed();
            return list[index];
        }
    }

    private void Write(Action write)
    {
        lock (_gate)
        {
            write();
            Changed();
        }
    }

    // One counter for the whole workspace keeps ts unique and strictly increasing in every
    // channel even when the clock stands still (a fake clock) or steps back.
    private string NextTs(DateTimeOffset now)
    {
        var micros = (now.ToUnixTimeMilliseconds() * 1000) + (now.Ticks / 10 % 1000);
        _lastTsMicros = Math.Max(micros, _lastTsMicros + 1);
        var seconds = _lastTsMicros / 1_000_000;
        var fraction = _lastTsMicros % 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{fraction:D6}");
    }

    private void Changed()
    {
        _version++;
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }
}
