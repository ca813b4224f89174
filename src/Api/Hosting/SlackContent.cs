using Microsoft.Net.Http.Headers;

namespace ApprovalBot.Api.Hosting;

/// <summary>
/// Slack posts commands and interactions as <c>application/x-www-form-urlencoded</c> and nothing else
/// (https://api.slack.com/interactivity/handling#payloads). A signed body of any other type was not sent by
/// Slack and must not be read as a form.
/// </summary>
public static class SlackContent
{
    public static bool IsForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
