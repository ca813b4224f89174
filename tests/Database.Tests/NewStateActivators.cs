using Orleans.Serialization.Activators;
using Orleans.Serialization.Serializers;

namespace ApprovalBot.Database.Tests;

/// <summary>Creates a fresh state object when the storage holds none.</summary>
internal sealed class NewStateActivators : IActivatorProvider
{
    public IActivator<T> GetActivator<T>() => new Activator<T>();

    private sealed class Activator<T> : IActivator<T>
    {
        public T Create() => System.Activator.CreateInstance<T>();
    }
}
