namespace ApprovalBot.Deploy.Tests;

/// <summary>One instruction: its keyword in upper case, its arguments with continuations joined.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments);

/// <summary>A Dockerfile split into build stages, each starting at its FROM.</summary>
public sealed class Dockerfile
{
    private Dockerfile(string name, IReadOnlyList<IReadOnlyList<DockerInstruction>> stages)
    {
        Name = name;
        Stages = stages;
    }

    public string Name { get; }

    public IReadOnlyList<IReadOnlyList<DockerInstruction>> Stages { get; }

    public IReadOnlyList<DockerInstruction> FinalStage => Stages[^1];

    public IEnumerable<DockerInstruction> Instructions => Stages.SelectMany(s => s);

    /// <summary>deploy/docker/*.Dockerfile of the checkout.</summary>
    public static IReadOnlyList<Dockerfile> LoadAll() =>
        Directory.GetFiles(RepositoryRoot.File("deploy", "docker"), "*.Dockerfile")
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

    public static Dockerfile Parse(string name, string text)
    {
        var stages = new List<List<DockerInstruction>>();
        foreach (var instruction in Read(text))
        {
            if (instruction.Keyword == "FROM")
            {
                stages.Add([]);
            }

            if (stages.Count == 0)
            {
                // ARG before the first FROM belongs to no stage but is still baked into the build.
                stages.Add([]);
            }

            stages[^1].Add(instruction);
        }

        return new Dockerfile(name, stages);
    }

    private static IEnumerable<DockerInstruction> Read(string text)
    {
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length > 0)
            {
                var parts = whole.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
                var arguments = parts.Length > 1 ? parts[1].Trim() : "";
                yield return new DockerInstruction(parts[0].ToUpperInvariant(), arguments);
            }
        }
    }
}
