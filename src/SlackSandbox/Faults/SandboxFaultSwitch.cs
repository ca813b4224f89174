namespace ApprovalBot.SlackSandbox.Faults;

/// <summary>A fault switch as it stands: the fault and how many calls it will still hit.</summary>
public sealed record SandboxFaultSwitch(SandboxFault Fault, int Remaining);
