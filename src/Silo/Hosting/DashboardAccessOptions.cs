namespace ApprovalBot.Silo.Hosting;

/// <summary>The <c>Dashboard</c> section: credentials required when the Silo listens beyond loopback.</summary>
public sealed class DashboardAccessOptions
{
    public const string SectionName = "Dashboard";

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public bool HasCredentials => Username.Length > 0 && Password.Length > 0;

    public override string ToString() => $"DashboardAccessOptions {{ Username = {Username}, Password = *** }}";
}
