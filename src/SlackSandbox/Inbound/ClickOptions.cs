using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// How a test wants a click to differ from an honest one: <paramref name="FromVersion"/> clicks a button of an
/// earlier version of the message (index into its edit history, 0 = as first posted), and
/// <paramref name="Tamper"/> edits the <c>block_actions</c> payload before it is signed.
/// </summary>
public sealed record ClickOptions(int? FromVersion = null, Action<JsonObject>? Tamper = null);
