using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ApprovalBot.SlackSandbox;

namespace ApprovalBot.Bench.Load;

/// <summary>
/// Request bodies in the shape Slack sends (fields as src/SlackSandbox/Inbound sends them): a slash command's
/// form, and a <c>block_actions</c> click on an approval message, form-encoded in <c>payload</c>.
/// </summary>
public static class SlackBodies
{
    private const string General = SandboxOptions.DefaultGeneralChannelId;
    private const string Team = SandboxOptions.DefaultTeamId;

    public static string Command(string userId, string text, string responseUrl) => Form(
    [
        ("token", "bench-verification-token"),
        ("team_id", Team),
        ("team_domain", "sandbox"),
        ("channel_id", General),
        ("channel_name", "general"),
        ("user_id", userId),
        ("user_name", userId.ToLowerInvariant()),
        ("command", "/approve"),
        ("text", text),
        ("api_app_id", "A0SANDBOX"),
        ("is_enterprise_install", "false"),
        ("response_url", responseUrl),
        ("trigger_id", TriggerId()),
    ]);

    public static string Click(ApprovalCard card, string clickerId, string responseUrl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "block_actions");
            json.WriteStartObject("user");
            json.WriteString("id", clickerId);
            json.WriteString("username", clickerId.ToLowerInvariant());
            json.WriteString("team_id", Team);
            json.WriteEndObject();
            json.WriteString("api_app_id", "A0SANDBOX");
            json.WriteString("token", "bench-verification-token");
            json.WriteString("trigger_id", TriggerId());
            json.WriteStartObject("team");
            json.WriteString("id", Team);
            json.WriteString("domain", "sandbox");
            json.WriteEndObject();
            ClickParts.WriteContainer(json, card);
            json.WriteString("response_url", responseUrl);
            ClickParts.WriteApproveAction(json, card);
            json.WriteEndObject();
        }

        return Form([("payload", Encoding.UTF8.GetString(buffer.ToArray()))]);
    }

    private static string Form(IEnumerable<(string Key, string Value)> fields) =>
        string.Join('&', fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));

    // Slack's form encoding: RFC 3986 unreserved characters stay, a space becomes '+'.
    private static string Escape(string value) =>
        Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static string TriggerId()
    {
        var number = RandomNumberGenerator.GetInt32(int.MaxValue);
        var hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return string.Create(CultureInfo.InvariantCulture, $"{number}.{hex}");
    }
}
