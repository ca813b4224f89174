namespace ApprovalBot.Security.Tests.Support;

/// <summary>What the Api answered: status code and body as text.</summary>
public sealed record ApiReply(int Status, string Body);
