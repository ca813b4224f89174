using System.Diagnostics;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Load;
using Npgsql;

namespace ApprovalBot.Bench.Phases;

/// <summary>Restarts the silo under the waiting requests and times each step of its return.</summary>
public static class RestartProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static async Task<RestartResult> RunAsync(
        RunningProduct stack, SlackPoster poster, HookUrls hooks, string correlationId,
        string connectionString, CancellationToken token)
    {
        var shutdown = await stack.StopSiloAsync();
        var started = Stopwatch.GetTimestamp();
        var ready = await stack.StartSiloAsync(token);

        TimeSpan? loaded = null;
        TimeSpan? answered = null;
        while ((loaded is null || answered is null) && Stopwatch.GetElapsedTime(started) < Limit)
        {
            if (loaded is null)
            {
                var now = await stack.SiloStatsAsync(collectFirst: false, token);
                loaded = now.ReminderServiceStartedSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
            }

            if (answered is null && await AnswersStatusAsync(poster, hooks, correlationId, token))
            {
                answered = Stopwatch.GetElapsedTime(started);
            }

            await Task.Delay(Poll, token);
        }

        var stats = await stack.SiloStatsAsync(collectFirst: false, token);
        var result = new RestartResult(shutdown, ready, loaded, answered,
            await RemindersInTableAsync(connectionString, stack.Addresses.ServiceId, token),
            stats.LocalReminders, stats.ResidentBytes);
        Progress.Say($"restart: shutdown {Format.Seconds(shutdown)}, ready after {Format.Seconds(ready)}, " +
            $"reminders read after {(loaded is { } l ? Format.Seconds(l) : "(never)")}, " +
            $"first answer after {(answered is { } a ? Format.Seconds(a) : "(never)")}");
        return result;
    }

    private static async Task<bool> AnswersStatusAsync(
        SlackPoster poster, HookUrls hooks, string correlationId, CancellationToken token)
    {
        var body = SlackBodies.Command(StackEnvironment.Bob, "status " + correlationId, hooks.Next());
        var answer = await poster.PostAsync(SlackPoster.CommandsPath, body, token);
        return answer.Status == 200 && !answer.NotConfirmed
            && answer.Body.Contains(correlationId, StringComparison.Ordinal);
    }

    private static async Task<long> RemindersInTableAsync(
        string connectionString, string serviceId, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_reminders WHERE service_id = @service", connection);
        command.Parameters.AddWithValue("service", serviceId);
        return (long)(await command.ExecuteScalarAsync(token))!;
    }
}
