using ApprovalBot.Resilience.Tests.Support;
using Npgsql;

namespace ApprovalBot.Resilience.Tests.Tls;

/// <summary>
/// A PostgreSQL server of the tests' own with <c>ssl=on</c>, a self-signed certificate for 127.0.0.1 and
/// <c>hostssl</c>-only logins over TCP, and a database migrated over TLS.
/// </summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    public PrivatePostgres Server { get; private set; } = null!;

    public PrivateDatabase Database { get; private set; } = null!;

    /// <summary>Whether openssl was found; without it there is no certificate and no server.</summary>
    public bool HasOpenSsl { get; } = ServerPrograms.FindOpenSsl() is not null;

    public async Task InitializeAsync()
    {
        if (!HasOpenSsl)
        {
            return;
        }

        Server = await PrivatePostgres.StartAsync("tls", tls: true);
        Database = await PrivateDatabase.CreateAsync(Server, "tls", SslMode.Require);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
