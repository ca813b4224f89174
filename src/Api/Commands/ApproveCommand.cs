namespace ApprovalBot.Api.Commands;

/// <summary>What the text after <c>/approve</c> asks for.</summary>
public abstract record ParsedCommand;

/// <summary><c>/approve</c>, <c>/approve help</c>: show usage.</summary>
public sealed record HelpCommand : ParsedCommand;

/// <summary><c>/approve user@example.com [--timeout 2h] [reason]</c>.</summary>
public sealed record ApproveCommand(string Email, string? Reason, TimeSpan? Timeout) : ParsedCommand;

/// <summary><c>/approve status corr-…</c>.</summary>
public sealed record StatusCommand(string CorrelationId) : ParsedCommand;

/// <summary><c>/approve list [page]</c>, pages counted from 1.</summary>
public sealed record ListCommand(int Page = 1) : ParsedCommand;

/// <summary><c>/approve cancel corr-…</c>.</summary>
public sealed record CancelCommand(string CorrelationId) : ParsedCommand;

/// <summary>Text that cannot be a request; <paramref name="Problem"/> says why.</summary>
public sealed record InvalidCommand(string Problem) : ParsedCommand;
