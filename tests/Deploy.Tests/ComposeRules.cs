using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ApprovalBot.Deploy.Tests;

/// <summary>Checks of a compose file; each returns every violation it found.</summary>
public static partial class ComposeRules
{
    private const string SiloDockerfile = "Silo.Dockerfile";

    /// <summary>Host ports published by more than one service (profiles included: they run together).
    /// </summary>
    public static IReadOnlyList<string> HostPortClashes(ComposeDocument compose)
    {
        var published = compose.Services
            .SelectMany(s => ComposeDocument.Ports(s.Value).Where(p => p.IsPublished)
                .SelectMany(p => Replicated(s.Value, $"{p.HostPort}/{p.Protocol}"))
                .Select(port => (Service: s.Key, Port: port)))
            .ToList();
        return published.GroupBy(p => p.Port).Where(g => g.Count() > 1)
            .Select(g => $"host port {g.Key} published by {string.Join(", ", g.Select(p => p.Service))}")
            .ToList();
    }

    /// <summary>
    /// Dependencies must wait for something: a healthy service (which then needs a health check) or a
    /// one-shot that completed successfully (which must not restart).
    /// </summary>
    public static IReadOnlyList<string> UncheckedDependencies(ComposeDocument compose)
    {
        var violations = new List<string>();
        foreach (var (name, service) in compose.Services)
        {
            var dependsOn = ComposeDocument.Child(service, "depends_on");
            if (dependsOn is YamlSequenceNode)
            {
                violations.Add($"{name}: depends_on lists services without a condition");
                continue;
            }

            var conditions = (dependsOn as YamlMappingNode)?.Children.ToList() ?? [];
            foreach (var (key, value) in conditions)
            {
                var target = ((YamlScalarNode)key).Value!;
                var condition = ComposeDocument.Scalar((YamlMappingNode)value, "condition");
                violations.AddRange(CheckDependency(compose, name, target, condition));
            }
        }

        return violations;
    }

    /// <summary>
    /// Values of PASSWORD/SECRET/TOKEN keys, and passwords inside connection strings, that are not a
    /// required variable: a literal, or a variable with a literal default.
    /// </summary>
    public static IReadOnlyList<string> SecretLiterals(ComposeDocument compose)
    {
        var violations = new List<string>();
        foreach (var (key, value) in ScalarEntries(compose.Root))
        {
            if (SecretKey().IsMatch(key) && !Substitution.IsRequiredVariable(value))
            {
                violations.Add($"{key} is not a ${{VAR:?...}} substitution");
            }

            foreach (Match password in ConnectionStringPassword().Matches(value))
            {
                if (!Substitution.IsRequiredVariable(password.Groups["value"].Value))
                {
                    violations.Add($"{key} holds a connection string password that is not a ${{VAR:?...}}");
                }
            }
        }

        return violations;
    }

    /// <summary>How many values the secret rule inspected: inspecting nothing proves nothing.</summary>
    public static int SecretValueCount(ComposeDocument compose) =>
        ScalarEntries(compose.Root)
            .Count(e => SecretKey().IsMatch(e.Key) || ConnectionStringPassword().IsMatch(e.Value));

    /// <summary>Silo ports (dashboard and /admin share the HTTP port) published beyond loopback.</summary>
    public static IReadOnlyList<string> SiloPortsBeyondLoopback(ComposeDocument compose) =>
        SiloServices(compose)
            .SelectMany(s => ComposeDocument.Ports(s.Value).Select(p => (s.Key, Port: p)))
            .Where(p => p.Port.HostIp != "127.0.0.1")
            .Select(p => $"{p.Key} publishes container port {p.Port.ContainerPort} on '{p.Port.HostIp}'")
            .ToList();

    public static IEnumerable<KeyValuePair<string, YamlMappingNode>> SiloServices(ComposeDocument compose) =>
        compose.Services.Where(s => ComposeDocument.Uses(s.Value, SiloDockerfile));

    private static IEnumerable<string> CheckDependency(
        ComposeDocument compose, string name, string target, string? condition)
    {
        if (!compose.Services.TryGetValue(target, out var dependency))
        {
            yield return $"{name} depends on undefined service {target}";
        }
        else if (condition == "service_healthy" && !HasHealthCheck(dependency))
        {
            yield return $"{name} waits for {target} to be healthy, but {target} has no health check";
        }
        else if (condition == "service_completed_successfully"
            && (ComposeDocument.Scalar(dependency, "restart") ?? "no") != "no")
        {
            yield return $"{name} waits for {target} to complete, but {target} restarts";
        }
        else if (condition is not ("service_healthy" or "service_completed_successfully"))
        {
            yield return $"{name} depends on {target} with condition '{condition}'";
        }
    }

    private static bool HasHealthCheck(YamlMappingNode service) =>
        ComposeDocument.Child(service, "healthcheck") is YamlMappingNode check
        && ComposeDocument.Scalar(check, "disable") != "true"
        && ComposeDocument.Child(check, "test") is not null;

    private static IEnumerable<string> Replicated(YamlMappingNode service, string port)
    {
        var replicas = ComposeDocument.Child(service, "deploy") is YamlMappingNode deploy
            && int.TryParse(ComposeDocument.Scalar(deploy, "replicas"), out var count) ? count : 1;
        return Enumerable.Repeat(port, replicas);
    }

    /// <summary>Every key with a scalar value anywhere in the file, list-form environments too.</summary>
    private static IEnumerable<KeyValuePair<string, string>> ScalarEntries(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(p => p.Value is YamlScalarNode value
            ? [new KeyValuePair<string, string>(((YamlScalarNode)p.Key).Value!, value.Value ?? "")]
            : ScalarEntries(p.Value)),
        YamlSequenceNode list => list.Children.SelectMany(child =>
            child is YamlScalarNode { Value: { } text } && text.Contains('=', StringComparison.Ordinal)
                ? [new KeyValuePair<string, string>(text.Split('=', 2)[0], text.Split('=', 2)[1])]
                : ScalarEntries(child)),
        _ => [],
    };

    [GeneratedRegex("PASSWORD|SECRET|TOKEN", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"(?:^|;)\s*Password\s*=\s*(?<value>\$\{[^}]*\}|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();
}
