using System.Reflection;
using ApprovalBot.Grains;
using ApprovalBot.Grains.Approval;

namespace ApprovalBot.Conventions.Tests;

/// <summary>Grains are sealed, grain methods end in Async, and the interfaces assembly holds only contracts.</summary>
public sealed class GrainConventionTests
{
    private static readonly Assembly Interfaces = typeof(IApprovalGrain).Assembly;
    private static readonly Assembly Implementations = typeof(ApprovalGrain).Assembly;

    [Fact]
    public void Grains_EveryGrainClass_IsSealed()
    {
        var unsealed = Implementations.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(Grain).IsAssignableFrom(t) && !t.IsSealed)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(unsealed);
    }

    [Fact]
    public void GrainInterfaces_EveryMethod_EndsInAsync()
    {
        var misnamed = Interfaces.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Select(m => $"{t.Name}.{m.Name}"))
            .Where(name => !name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(misnamed);
    }

    [Fact]
    public void GrainInterfaces_Assembly_HoldsOnlyContracts()
    {
        var others = Interfaces.GetTypes()
            .Where(t => t.IsPublic && t.Namespace?.StartsWith("ApprovalBot", StringComparison.Ordinal) == true)
            .Where(t => !t.IsInterface && !t.IsEnum && !IsRecord(t) && !IsStaticClass(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(others);
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool IsStaticClass(Type type) => type.IsAbstract && type.IsSealed;
}
