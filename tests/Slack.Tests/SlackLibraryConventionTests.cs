using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ApprovalBot.Slack.Blocks;
using ApprovalBot.Slack.Messages;
using ApprovalBot.Slack.WebApi;

namespace ApprovalBot.Slack.Tests;

/// <summary>Keeps the library mirroring Slack: immutable shapes, each documented with the page it models.</summary>
public sealed class SlackLibraryConventionTests
{
    private static readonly Assembly Library = typeof(SlackMessage).Assembly;

    private static readonly string[] SlackSurfaces =
    [
        "ApprovalBot.Slack.Blocks",
        "ApprovalBot.Slack.Inbound",
        "ApprovalBot.Slack.Messages",
        "ApprovalBot.Slack.Verification",
        "ApprovalBot.Slack.WebApi",
    ];

    // Our own product shapes, not models of a Slack page.
    private static readonly Type[] ProductTypes =
    [
        typeof(ApprovalCard),
        typeof(ApprovalCardStatus),
        typeof(CardApproval),
        typeof(SlackUnit),
    ];

    public static TheoryData<string> PublicTypes =>
        [.. Library.GetExportedTypes().Where(t => SlackSurfaces.Contains(t.Namespace)).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicType_Properties_AreReadOnlyOrInitOnly(string typeName)
    {
        var type = Library.GetType(typeName)!;

        var mutable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name);

        Assert.Empty(mutable);
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicType_Summary_NamesTheSlackPageItModels(string typeName)
    {
        var type = Library.GetType(typeName)!;

        var summary = Summaries().GetValueOrDefault("T:" + typeName.Replace('+', '.'));

        Assert.False(summary is null, $"{typeName} has no <summary>");
        if (!ProductTypes.Contains(type))
        {
            Assert.Contains("https://api.slack.com/", summary, StringComparison.Ordinal);
        }
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static Dictionary<string, string> Summaries()
    {
        var path = Path.ChangeExtension(Library.Location, ".xml");
        return XDocument.Load(path).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary")?.Value ?? "");
    }
}
