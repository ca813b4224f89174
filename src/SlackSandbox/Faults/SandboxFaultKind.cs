namespace ApprovalBot.SlackSandbox.Faults;

/// <summary>How a call hit by a fault switch fails.</summary>
public enum SandboxFaultKind
{
    /// <summary>HTTP 429, <c>Retry-After</c> seconds, <c>ratelimited</c>; nothing applied.</summary>
    RateLimited,

    /// <summary>HTTP 500 before anything is applied.</summary>
    ServerError,

    /// <summary>HTTP 503 before anything is applied: a safe failure to retry.</summary>
    FailBeforeApply,

    /// <summary>The connection is dropped with no answer before anything is applied.</summary>
    DropConnection,

    /// <summary>The call is applied, then answered with HTTP 500: retrying it makes a duplicate.</summary>
    ApplyThenFail,

    /// <summary>HTTP 200 with <c>{"ok":false,"error":…}</c>; nothing applied.</summary>
    ErrorCode,
}
