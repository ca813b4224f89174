using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ApprovalBot.Deploy.Tests;

/// <summary>
/// A compose file as written, before any ${...} substitution (the secret rules must see the substitutions),
/// with YAML anchors, aliases and merge keys resolved as docker-compose resolves them.
/// </summary>
public sealed class ComposeDocument
{
    private ComposeDocument(YamlMappingNode root)
    {
        Root = root;
        Services = root.Children.TryGetValue("services", out var services) && services is YamlMappingNode map
            ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (YamlMappingNode)p.Value)
            : [];
    }

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, YamlMappingNode> Services { get; }

    public static ComposeDocument Load() => Parse(RepositoryRoot.ReadAllText("docker-compose.yml"));

    public static ComposeDocument Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(yaml))));
        return new ComposeDocument((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? value : null;

    public static string? Scalar(YamlMappingNode node, string key) =>
        (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>A service's environment, in either the mapping or the <c>KEY=value</c> list form.</summary>
    public static IReadOnlyDictionary<string, string> Environment(YamlMappingNode service) =>
        Child(service, "environment") switch
        {
            YamlMappingNode map => map.Children.ToDictionary(
                p => ((YamlScalarNode)p.Key).Value!, p => (p.Value as YamlScalarNode)?.Value ?? ""),
            YamlSequenceNode list => list.Children.Select(n => ((YamlScalarNode)n).Value!.Split('=', 2))
                .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : ""),
            _ => new Dictionary<string, string>(),
        };

    /// <summary>The ports a service publishes on the host (short and long syntax).</summary>
    public static IReadOnlyList<PortMapping> Ports(YamlMappingNode service) =>
        Child(service, "ports") is YamlSequenceNode ports
            ? ports.Children.Select(PortMapping.Parse).ToList()
            : [];

    /// <summary>True for a service whose image is built from the named Dockerfile.</summary>
    public static bool Uses(YamlMappingNode service, string dockerfileName) =>
        Child(service, "build") is YamlMappingNode build
        && (Scalar(build, "dockerfile") ?? "").EndsWith(dockerfileName, StringComparison.Ordinal);
}
