using System.Globalization;
using System.Text;
using ApprovalBot.Api.Cluster;
using ApprovalBot.Grains;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Api.Commands;

/// <summary><c>/approve status</c> and <c>/approve list</c>, read from the grains, never from process memory.</summary>
public sealed class RequestViews(GrainCalls grains)
{
    private const int ListPageSize = 20;

    public async Task<string> StatusAsync(string userId, string correlationId)
    {
        var lookup = await grains.TryCallAsync(
            async g => new Holder<ApprovalSnapshot?>(
                await g.GetGrain<IApprovalGrain>(correlationId).GetSnapshotForAsync(userId)), "status");
        if (lookup is null)
        {
            return CommandReplies.NotConfirmed;
        }

        var snapshot = lookup.Value;
        if (snapshot is null)
        {
            // Outsiders learn nothing, not even whether the id exists.
            return $"You may not see approval request `{correlationId}`, or it does not exist.";
        }

        return Describe(snapshot);
    }

    public async Task<string> ListAsync(string teamId, string userId)
    {
        var entries = await grains.TryCallAsync(
            g => g.GetGrain<IRequesterIndexGrain>(RequesterIndexKey.For(teamId, userId)).ListAsync(), "list");
        if (entries is null)
        {
            return CommandReplies.NotConfirmed;
        }

        if (entries.Count == 0)
        {
            return "You have no open approval requests.";
        }

        var text = new StringBuilder("*Your open approval requests*\n");
        foreach (var entry in entries.Take(ListPageSize))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"• `{entry.CorrelationId}` {Mrkdwn.Escape(entry.Email)} since {Mrkdwn.Date(entry.CreatedAt)}\n");
        }

        return text.ToString();
    }

    private static string Describe(ApprovalSnapshot s)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"*Approval request `{s.CorrelationId}`*: {CommandReplies.Describe(s.Status)}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{Mrkdwn.Mention(s.RequesterUserId)} asked for {Mrkdwn.Escape(s.Email)}; due {Mrkdwn.Date(s.Deadline)}\n");
        foreach (var entry in s.History)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"• {Mrkdwn.Date(entry.At)} {Mrkdwn.Escape(entry.Event)} by {Actor(entry.Actor)}\n");
        }

        return text.ToString();
    }

    private static string Actor(string actor) =>
        actor.Length > 1 && actor[0] is 'U' or 'W' ? Mrkdwn.Mention(actor) : Mrkdwn.Escape(actor);

    /// <summary>Lets a null snapshot travel through a call whose null means "no answer".</summary>
    private sealed record Holder<T>(T Value);
}
