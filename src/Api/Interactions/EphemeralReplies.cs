using System.Threading.Channels;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.Api.Interactions;

/// <summary>
/// Ephemeral answers to clickers, posted to the click's <c>response_url</c> after the 200 has gone back: Slack
/// ignores the body of a click's reply, and the 3-second limit must not wait on another HTTP call.
/// </summary>
public sealed partial class EphemeralReplies(ISlackWebApi slack, ILogger<EphemeralReplies> logger) : BackgroundService
{
    private const int Capacity = 10_000;

    private readonly Channel<(string Url, SlackMessage Message)> _queue =
        Channel.CreateBounded<(string, SlackMessage)>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Queues a reply; never blocks the request that asks for it.</summary>
    public void Enqueue(string? responseUrl, string mrkdwn) => Enqueue(responseUrl, SlackMessage.Plain(mrkdwn));

    /// <summary>Queues a reply with blocks (for example a button to try again).</summary>
    public void Enqueue(string? responseUrl, SlackMessage message)
    {
        if (!string.IsNullOrEmpty(responseUrl))
        {
            _queue.Writer.TryWrite((responseUrl, message));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (url, message) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var result = await slack.PostToResponseUrlAsync(url, new ResponseUrlMessage(message), stoppingToken);
            if (!result.IsOk)
            {
                LogWarningReplyFailed(logger, result.Failure!.Kind, result.Failure.Error);
            }
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning,
        Message = "An ephemeral reply to a clicker could not be delivered ({FailureKind}: {SlackError})")]
    private static partial void LogWarningReplyFailed(ILogger logger, SlackFailureKind failureKind, string slackError);
}
