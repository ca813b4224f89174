namespace ApprovalBot.Grains;

/// <summary>The key of a requester's index grain. Team first, so one user id in two workspaces stays apart.</summary>
public static class RequesterIndexKey
{
    public static string For(string teamId, string userId) => $"requester:{teamId}:{userId}";
}
