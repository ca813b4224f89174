namespace ApprovalBot.Database.Tests;

/// <summary>Collects the start-up steps a provider subscribes, so a test runs them without a silo.</summary>
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
