using System.Net.Http.Headers;
using System.Text.Json;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.WebApi;

/// <summary>
/// Request bodies and result shapes shared by the Web API methods (https://api.slack.com/web): JSON content
/// as Slack wants it, and the answer turned into each method's <see cref="SlackResult{T}"/>.
/// </summary>
internal static class WebApiOutcome
{
    public static SlackResult<PostedMessage> Posted(
        SlackResult<WebApiResponse> result, string requestedChannel, string method)
    {
        if (result.Failure is { } failure)
        {
            return SlackResult<PostedMessage>.Fail(failure);
        }

        // Without ts the message could never be updated; Slack always returns it, so this is a broken answer.
        return result.Value?.Ts is { Length: > 0 } ts
            ? SlackResult<PostedMessage>.Ok(new PostedMessage(result.Value.Channel ?? requestedChannel, ts))
            : SlackResult<PostedMessage>.Fail(
                new SlackFailure(SlackFailureKind.SlackError, $"{method}_without_ts"));
    }

    public static SlackResult<SlackUnit> Unit(SlackResult<WebApiResponse> result) =>
        result.Failure is { } failure
            ? SlackResult<SlackUnit>.Fail(failure)
            : SlackResult<SlackUnit>.Ok(default);

    public static SlackResult<WebApiResponse> Transient(string error) =>
        SlackResult<WebApiResponse>.Fail(new SlackFailure(SlackFailureKind.Transient, error));

    // Serialized up front (not streamed) so a retried attempt resends identical bytes with a Content-Length.
    public static ByteArrayContent Json<T>(T body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, SlackJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    public static IReadOnlyList<Block>? BlocksOf(SlackMessage message) =>
        message.Blocks.Count == 0 ? null : message.Blocks;
}
