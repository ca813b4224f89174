namespace ApprovalBot.SlackSandbox.Faults;

/// <summary>
/// A fault switch: the next <see cref="Count"/> calls of <see cref="Method"/> (a Web API method
/// name, <see cref="SandboxFaults.ResponseUrl"/>, or <see cref="SandboxFaults.AllMethods"/>) fail as
/// <see cref="Kind"/> says.
/// </summary>
public sealed record SandboxFault(
    SandboxFaultKind Kind,
    string Method = SandboxFaults.AllMethods,
    int Count = 1,
    int RetryAfterSeconds = 1,
    string? Error = null);
