using System.Globalization;
using ApprovalBot.SlackSandbox.Hosting;
using ApprovalBot.SlackSandbox.ResponseUrls;
using ApprovalBot.SlackSandbox.WebApi;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// What a person does in Slack, turned into the signed requests Slack sends the Api: typing
/// a slash command, clicking a button, or just writing a message (which the Api never sees).
/// Misuse (an unknown user, a message the user cannot see) throws <see cref="ArgumentException"/>.
/// </summary>
internal sealed class UserActions(
    SandboxOptions options,
    SandboxWorkspace workspace,
    TriggerRegistry triggers,
    ResponseUrlRegistry responseUrls,
    SandboxUrls urls,
    AppClient app,
    InteractionPayloads payloads,
    CommandReplies replies,
    TimeProvider time,
    ILogger logger)
{
    public async Task<SandboxReply> SendSlashCommandAsync(
        string userId, string text, string? channelId, CancellationToken cancellationToken)
    {
        var user = RequireUser(userId);
        var channel = ChannelFor(user, channelId ?? options.GeneralChannelId);
        var responseUrl = responseUrls.Issue(channel.Id, user.Id, messageTs: null);
        var fields = new SlashCommandFields(
            InteractionPayloads.VerificationToken, options.TeamId, options.TeamDomain, channel.Id,
            channel.Kind == SandboxChannelKind.Direct ? "directmessage" : channel.Name, user.Id, user.Name,
            options.Command, text, options.ApiAppId, urls.ResponseUrl(responseUrl.Id),
            triggers.Issue(user.Id));

        var body = fields.ToFormBody();
        var reply = await app.PostAsync(
            AppClient.CommandsPath, body, AppClient.FormContentType, cancellationToken);
        Record("slash_command", body, reply);
        replies.Show(reply, channel, user);
        return reply;
    }

    public Task<SandboxReply> ClickAsync(
        string userId,
        string channelId,
        string messageTs,
        string actionId,
        CancellationToken cancellationToken) =>
        ClickAsync(userId, channelId, messageTs, actionId, new ClickOptions(), cancellationToken);

    /// <summary>
    /// A click as <see cref="ClickAsync(string, string, string, string, CancellationToken)"/>, optionally on a
    /// button of an earlier version of the message (a client that has not refreshed yet) and with the payload
    /// altered before it is signed (a forged or tampered click).
    /// </summary>
    public async Task<SandboxReply> ClickAsync(
        string userId,
        string channelId,
        string messageTs,
        string actionId,
        ClickOptions options,
        CancellationToken cancellationToken)
    {
        var user = RequireUser(userId);
        var channel = ChannelFor(user, channelId);
        var message = workspace.Message(channel.Id, messageTs);
        if (message is null || !message.IsVisibleTo(user.Id))
        {
            throw new ArgumentException(
                $"{user.Id} sees no message {messageTs} in {channel.Id}.", nameof(messageTs));
        }

        // Version 0 is the message as first posted: its history holds it once it was edited, else it is current.
        var shown = options.FromVersion is { } version && version < message.History.Count
            ? message with { Text = message.History[version].Text, BlocksJson = message.History[version].BlocksJson }
            : message;
        var button = BlockSearch.Button(shown.Blocks(), actionId)
            ?? throw new ArgumentException(
                $"Message {messageTs} has no button '{actionId}'.", nameof(actionId));
        var responseUrl = responseUrls.Issue(channel.Id, user.Id, message.Ts);
        var payload = payloads.BlockActions(
            user, channel, shown, button, triggers.Issue(user.Id), urls.ResponseUrl(responseUrl.Id),
            ActionTs());
        options.Tamper?.Invoke(payload);
        return await SendInteractionAsync("block_actions", SandboxJson.Write(payload), cancellationToken);
    }

    /// <summary>
    /// A plain message from a person; Slack does not tell the bot (it subscribes to no events).
    /// </summary>
    public SandboxMessage PostUserMessage(string userId, string channelId, string text)
    {
        var user = RequireUser(userId);
        var channel = ChannelFor(user, channelId);
        return workspace.Post(channel.Id, (ts, now) => new SandboxMessage
        {
            ChannelId = channel.Id, Ts = ts, UserId = user.Id, Text = text, PostedAt = now,
        });
    }

    /// <summary>
    /// Slackbot's ephemeral notice to one user, e.g. for a command the workspace does not know.
    /// </summary>
    public SandboxMessage PostSlackbotNotice(string userId, string channelId, string text)
    {
        var user = RequireUser(userId);
        var channel = ChannelFor(user, channelId);
        return workspace.Post(channel.Id, (ts, now) => new SandboxMessage
        {
            ChannelId = channel.Id,
            Ts = ts,
            UserId = SandboxMessage.SlackbotUserId,
            Text = text,
            EphemeralTo = user.Id,
            PostedAt = now,
        });
    }

    public Task<SandboxReply> SendSignedAsync(
        string path, string body, string contentType, CancellationToken cancellationToken) =>
        app.PostAsync(path, body, contentType, cancellationToken);

    internal async Task<SandboxReply> SendInteractionAsync(
        string kind, string payloadJson, CancellationToken cancellationToken)
    {
        var body = SlackFormEncoder.Encode([new("payload", payloadJson)]);
        var reply = await app.PostAsync(
            AppClient.InteractionsPath, body, AppClient.FormContentType, cancellationToken);
        Record(kind, body, reply);
        return reply;
    }

    internal SandboxUser RequireUser(string userId) =>
        workspace.User(userId) ?? throw new ArgumentException($"No sandbox user {userId}.", nameof(userId));

    private SandboxChannel ChannelFor(SandboxUser user, string channelId)
    {
        var own = SandboxWorkspace.DirectChannelIdFor(user.Id);
        if (channelId == own || channelId == user.Id)
        {
            return workspace.EnsureDirectChannel(user.Id)!;
        }

        var channel = workspace.Channel(channelId);
        if (channel is null || channel.Kind == SandboxChannelKind.Direct)
        {
            throw new ArgumentException($"{user.Id} is in no channel {channelId}.", nameof(channelId));
        }

        return channel;
    }

    private void Record(string kind, string body, SandboxReply reply)
    {
        if (!reply.IsSuccess)
        {
            logger.LogWarningDeliveryFailed(kind, reply.StatusCode, reply.Error ?? "");
        }

        workspace.Record(new SandboxDelivery(kind, body, reply, time.GetUtcNow()));
    }

    private string ActionTs()
    {
        var now = time.GetUtcNow();
        var micros = now.Ticks / 10 % 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeSeconds()}.{micros:D6}");
    }
}
