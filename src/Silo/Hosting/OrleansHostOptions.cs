namespace ApprovalBot.Silo.Hosting;

/// <summary>The <c>Orleans</c> configuration section: the cluster's identity and this silo's endpoints.</summary>
public sealed class OrleansHostOptions
{
    public const string SectionName = "Orleans";
    public const string DefaultClusterId = "approvalbot";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>Names the stored state and reminders; keep it across deployments.</summary>
    public string ServiceId { get; set; } = DefaultClusterId;

    public int SiloPort { get; set; } = DefaultSiloPort;

    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>The address other silos and clients use; empty means the host's first non-loopback address.</summary>
    public string AdvertisedIPAddress { get; set; } = "";
}
