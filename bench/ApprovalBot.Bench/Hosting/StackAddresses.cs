using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ApprovalBot.Bench.Hosting;

/// <summary>Loopback ports and the cluster identity of one stack.</summary>
public sealed record StackAddresses(
    string ServiceId, int SiloHttpPort, int SiloPort, int GatewayPort, int ApiPort)
{
    public Uri SiloRoot => Root(SiloHttpPort);

    public Uri ApiRoot => Root(ApiPort);

    public static StackAddresses Allocate(string serviceId)
    {
        var ports = FreePorts(4);
        return new StackAddresses(serviceId, ports[0], ports[1], ports[2], ports[3]);
    }

    private static Uri Root(int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));

    // Ports the kernel hands out for port 0 are free now; they are released just before the children bind
    // them.
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count)
            .Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
