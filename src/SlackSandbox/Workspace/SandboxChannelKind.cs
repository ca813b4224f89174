namespace ApprovalBot.SlackSandbox.Workspace;

/// <summary>What kind of conversation a channel is, as Slack distinguishes them by id prefix.</summary>
public enum SandboxChannelKind
{
    /// <summary>A public channel (<c>C…</c>).</summary>
    Public,

    /// <summary>A private channel such as the approval channel.</summary>
    Private,

    /// <summary>A direct message between the bot and one user (<c>D…</c>).</summary>
    Direct,
}
