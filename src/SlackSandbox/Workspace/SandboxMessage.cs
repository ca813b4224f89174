using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>
/// A message as the workspace holds it: immutable; edits produce a new instance with the
/// previous content appended to <see cref="History"/>.
/// </summary>
public sealed record SandboxMessage
{
    /// <summary>The author id Slack uses for its own notices (command failures).</summary>
    public const string SlackbotUserId = "USLACKBOT";

    public required string ChannelId { get; init; }

    public required string Ts { get; init; }

    /// <summary>Author: a sandbox user, the bot's user id, or <see cref="SlackbotUserId"/>.</summary>
    public required string UserId { get; init; }

    /// <summary>Set on messages the bot posted.</summary>
    public string? BotId { get; init; }

    public string Text { get; init; } = "";

    /// <summary>The Block Kit blocks exactly as the bot sent them, as JSON; null when it sent none.</summary>
    public string? BlocksJson { get; init; }

    public string? ThreadTs { get; init; }

    /// <summary>The only user who sees this message; null for a normal message.</summary>
    public string? EphemeralTo { get; init; }

    public bool IsDeleted { get; init; }

    public DateTimeOffset PostedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Earlier contents, oldest first.</summary>
    public IReadOnlyList<SandboxMessageVersion> History { get; init; } = [];

    public bool IsBot => BotId is not null;

    public bool IsEphemeral => EphemeralTo is not null;

    public bool IsVisibleTo(string userId) =>
        !IsDeleted && (EphemeralTo is null || string.Equals(EphemeralTo, userId, StringComparison.Ordinal));

    /// <summary>A fresh, mutable copy of the blocks; empty when there are none.</summary>
    public JsonArray Blocks() =>
        BlocksJson is null ? [] : JsonNode.Parse(BlocksJson)?.AsArray() ?? [];

    /// <summary>
    /// The <c>action_id</c>s of every button, in order (actions blocks and section accessories).
    /// </summary>
    public IReadOnlyList<string> ButtonActionIds() =>
        [.. BlockSearch.Buttons(Blocks()).Select(b => b.Button["action_id"]?.GetValue<string>() ?? "")];
}
