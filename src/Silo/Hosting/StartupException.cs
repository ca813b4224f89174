namespace ApprovalBot.Silo.Hosting;

/// <summary>
/// A setting or dependency the host cannot start without; its message is shown to the operator as is.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
