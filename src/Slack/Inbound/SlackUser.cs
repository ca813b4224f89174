namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// The <c>user</c> of an interaction payload
/// (https://api.slack.com/reference/interaction-payloads/block-actions). Only <see cref="Id"/> identifies the
/// user; <see cref="Username"/> and <see cref="Name"/> are display data.
/// </summary>
public sealed record SlackUser(
    string Id, string? Username = null, string? Name = null, string? TeamId = null);
