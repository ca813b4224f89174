using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ApprovalBot.Deploy.Tests;

/// <summary>One port entry: host address (empty: every interface), host port, container port, protocol.
/// </summary>
public sealed partial record PortMapping(
    string HostIp, string HostPort, string ContainerPort, string Protocol)
{
    public bool IsPublished => HostPort.Length > 0;

    public static PortMapping Parse(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ParseShort(Substitution.WithDefaults(scalar.Value ?? "")),
        YamlMappingNode map => new PortMapping(
            Substitution.WithDefaults(ComposeDocument.Scalar(map, "host_ip") ?? ""),
            Substitution.WithDefaults(ComposeDocument.Scalar(map, "published") ?? ""),
            Substitution.WithDefaults(ComposeDocument.Scalar(map, "target") ?? ""),
            ComposeDocument.Scalar(map, "protocol") ?? "tcp"),
        _ => throw new FormatException($"Unexpected port entry {node}."),
    };

    /// <summary><c>[[ip:]host:]container[/protocol]</c>; a bare container port has no fixed host port.
    /// </summary>
    private static PortMapping ParseShort(string text)
    {
        var match = ShortSyntax().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"Port '{text}' is not [[ip:]host:]container[/protocol].");
        }

        return new PortMapping(
            match.Groups["ip"].Value,
            match.Groups["host"].Value,
            match.Groups["container"].Value,
            match.Groups["protocol"].Success ? match.Groups["protocol"].Value : "tcp");
    }

    [GeneratedRegex(@"^(?:(?:(?<ip>[0-9.]+|\[[0-9a-fA-F:]+\]):)?(?<host>\d+(?:-\d+)?):)?"
        + @"(?<container>\d+(?:-\d+)?)(?:/(?<protocol>tcp|udp))?$")]
    private static partial Regex ShortSyntax();
}
