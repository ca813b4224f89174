using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalBot.SlackSandbox.Workspace;

namespace ApprovalBot.SlackSandbox.WebApi;

/// <summary>
/// <c>conversations.history</c>: a channel's messages newest first, without ephemeral messages or thread replies,
/// between <c>oldest</c> and <c>latest</c> (exclusive unless <c>inclusive</c>), <c>limit</c> at a time (100 by
/// default, at most 999), with an opaque <c>cursor</c> for the next page.
/// </summary>
internal sealed class HistoryMethods(SandboxWorkspace workspace)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 999;
    private const string CursorPrefix = "before:";

    public WebApiResult History(WebApiArgs args)
    {
        var channelId = args.String("channel") ?? "";
        if (workspace.Channel(channelId) is null)
        {
            return WebApiResult.Error("channel_not_found");
        }

        var limit = DefaultLimit;
        if (args.String("limit") is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return WebApiResult.Error("invalid_limit");
        }

        var before = Ts(args.String("latest"));
        if (args.String("cursor") is { Length: > 0 } cursor)
        {
            before = FromCursor(cursor);
            if (before is null)
            {
                return WebApiResult.Error("invalid_cursor");
            }
        }

        var inclusive = args.Bool("inclusive");
        var oldest = Ts(args.String("oldest"));
        var matching = workspace.Messages(channelId)
            .Where(m => !m.IsEphemeral && (m.ThreadTs is null || m.ThreadTs == m.Ts))
            .Where(m => oldest is null || (inclusive ? Ts(m.Ts) >= oldest : Ts(m.Ts) > oldest))
            .Where(m => before is null || Ts(m.Ts) < before)
            .OrderByDescending(m => Ts(m.Ts))
            .ToList();
        var page = matching.Take(Math.Min(limit, MaxLimit)).ToList();
        var hasMore = matching.Count > page.Count;
        return WebApiResult.Ok(new JsonObject
        {
            ["messages"] = new JsonArray([.. page.Select(m => (JsonNode)MessageJson.From(m, workspace.TeamId))]),
            ["has_more"] = hasMore,
            ["pin_count"] = 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? ToCursor(page[^1].Ts) : "" },
        });
    }

    private static decimal? Ts(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string ToCursor(string ts) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + ts));

    private static decimal? FromCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal) ? Ts(text[CursorPrefix.Length..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
