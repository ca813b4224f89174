using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ApprovalBot.SlackSandbox.Hosting;

/// <summary>
/// The sandbox's own address, used in the <c>response_url</c>s it hands out: the configured
/// <c>Sandbox:PublicBaseUrl</c>, else the first address the server bound (known only once started).
/// </summary>
internal sealed class SandboxUrls(Uri? configured, Func<IServer> server)
{
    private Uri? _resolved;

    public Uri PublicBaseUrl => _resolved ??= Resolve();

    public string ResponseUrl(string id) => new Uri(PublicBaseUrl, "response/" + id).ToString();

    private Uri Resolve()
    {
        if (configured is not null)
        {
            return WithSlash(configured);
        }

        var addresses = server().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var bound = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The sandbox has no address before it has started.");

        // A wildcard bind is reachable on loopback; browsers and the Api cannot dial "+" or "0.0.0.0".
        var reachable = bound.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return WithSlash(new Uri(reachable));
    }

    private static Uri WithSlash(Uri uri) => new(uri.ToString().TrimEnd('/') + "/");
}
