using System.Text.Json;
using Orleans.Serialization.Activators;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ApprovalBot.Database.Tests;

/// <summary>Collects the start-up steps a provider subscribes, so a test can run them without a silo.</summary>
internal sealed class FakeSiloLifecycle : ISiloLifecycle
{
    private readonly List<ILifecycleObserver> _observers = [];

    public int HighestCompletedStage { get; private set; }

    public int LowestStoppedStage { get; private set; }

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        _observers.Add(observer);
        return new NoSubscription();
    }

    public async Task StartAsync()
    {
        foreach (var observer in _observers)
        {
            await observer.OnStart(CancellationToken.None);
        }
    }

    private sealed class NoSubscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>Grain state as JSON: the storage SQL stores whatever bytes it is given.</summary>
internal sealed class JsonStateSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input));

    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToArray());
}

/// <summary>Creates a fresh state object when the storage holds none.</summary>
internal sealed class NewStateActivators : IActivatorProvider
{
    public IActivator<T> GetActivator<T>() => new Activator<T>();

    private sealed class Activator<T> : IActivator<T>
    {
        public T Create() => System.Activator.CreateInstance<T>();
    }
}
