using ApprovalBot.Slack;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Text;
using ApprovalBot.Api.Cluster;
using ApprovalBot.Grains;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Api.Commands;

/// <summary><c>/approve status</c> and <c>/approve list</c>, read from the grains, never from process memory.</summary>
public sealed class RequestViews(GrainCalls grains, IOptions<SlackOptions> slack)
{
    private const int ListPageSize = 20;

    private string ApprovalChannelId => slack.Value.ApprovalChannelId;

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

    /// <summary>An approver's page of every open request they could decide; anyone else's own open requests.</summary>
    public async Task<string> ListAsync(string teamId, string userId, int page)
    {
        var listing = await grains.TryCallAsync(g => ListingAsync(g, teamId, userId), "list");
        if (listing is null)
        {
            return CommandReplies.NotConfirmed;
        }

        var (title, entries) = listing;
        var shown = await StillOpenAsync(entries.Skip((page - 1) * ListPageSize).Take(ListPageSize));
        if (shown.Count == 0)
        {
            return page == 1 ? "There are no open approval requests for you." : $"There is no page {page}.";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"*{title}* (page {page}, {entries.Count} in all)\n");
        foreach (var entry in shown)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"• `{entry.CorrelationId}` {Mrkdwn.Mention(entry.RequesterUserId)} asks for " +
                $"{Mrkdwn.Escape(entry.Email)}, due {Mrkdwn.Date(entry.Deadline)}\n");
        }

        if (entries.Count > page * ListPageSize)
        {
            text.Append(CultureInfo.InvariantCulture, $"More: `/approve list {page + 1}`");
        }

        return text.ToString();
    }

    /// <summary>The index is a read model that can lag after a crash: the grains say what is still open.</summary>
    private async Task<List<OpenRequest>> StillOpenAsync(IEnumerable<OpenRequest> candidates)
    {
        var checks = await Task.WhenAll(
            candidates.Select(async entry => (Entry: entry, Found: await CheckAsync(entry))));

        // An entry that could not be checked is shown rather than hidden.
        return [.. checks.Where(c => c.Found is null || c.Found.Value?.Status == ApprovalStatus.Pending)
            .Select(c => c.Entry)];
    }

    private Task<Holder<ApprovalSnapshot?>?> CheckAsync(OpenRequest entry) =>
        grains.TryCallAsync(async g => new Holder<ApprovalSnapshot?>(
            await g.GetGrain<IApprovalGrain>(entry.CorrelationId).GetSnapshotAsync()), "list check");

    private async Task<Listing> ListingAsync(IGrainFactory grains, string teamId, string userId)
    {
        if (await grains.GetGrain<IApproverDirectoryGrain>(0).IsApproverAsync(userId))
        {
            var shards = await Task.WhenAll(OpenRequestsKey.All(ApprovalChannelId)
                .Select(key => grains.GetGrain<IOpenRequestsGrain>(key).ListAsync()));
            return new Listing("Open approval requests you can decide",
                [.. shards.SelectMany(s => s).OrderByDescending(r => r.CreatedAt)]);
        }

        var own = await grains.GetGrain<IRequesterIndexGrain>(RequesterIndexKey.For(teamId, userId)).ListAsync();
        return new Listing("Your open approval requests",
            [.. own.Select(e => new OpenRequest(e.CorrelationId, userId, e.Email, e.CreatedAt, e.Deadline))]);
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

    private sealed record Listing(string Title, IReadOnlyList<OpenRequest> Entries);
}
