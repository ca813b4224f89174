using System.Text.Json.Nodes;

namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>
/// A modal the bot opened for <see cref="UserId"/>, as Slack returned it from <c>views.open</c>;
/// <see cref="Errors"/> holds the Api's latest <c>response_action: errors</c> keyed by block id.
/// </summary>
public sealed record SandboxView(
    string Id,
    string UserId,
    string ViewJson,
    IReadOnlyDictionary<string, string> Errors,
    bool IsOpen,
    DateTimeOffset OpenedAt)
{
    /// <summary>A fresh, mutable copy of the view object.</summary>
    public JsonObject View() => JsonNode.Parse(ViewJson)?.AsObject() ?? [];

    public string? CallbackId => View()["callback_id"]?.GetValue<string>();

    public string? PrivateMetadata => View()["private_metadata"]?.GetValue<string>();
}
