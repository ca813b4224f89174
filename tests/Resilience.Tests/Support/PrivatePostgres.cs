using System.Security.Cryptography;
using Npgsql;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// A PostgreSQL server one test owns, never the shared one: its own folder under /var/tmp/approvalbot-pg, a
/// free port on 127.0.0.1 and a socket in its folder, so the test may stop it, restart it or require TLS.
/// Disposing stops it and deletes the folder.
/// </summary>
public sealed partial class PrivatePostgres : IAsyncDisposable
{
    public const string Host = "127.0.0.1";
    private const string BaseFolder = "/var/tmp/approvalbot-pg";
    private const string FolderPrefix = "resilience-";
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);

    private readonly string _bin;
    private readonly string _password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private PrivatePostgres(string bin, string folder, int port, bool tls)
    {
        _bin = bin;
        Folder = folder;
        Port = port;
        Tls = tls;
    }

    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    /// <summary>The server's self-signed certificate when it was started with TLS.</summary>
    public string CertificateFile => Path.Combine(Folder, "server.crt");

    public int Port { get; }

    public bool Tls { get; }

    /// <summary>Whether the server is up (its postmaster.pid exists).</summary>
    public bool IsRunning => File.Exists(Path.Combine(DataFolder, "postmaster.pid"));

    /// <summary>
    /// Creates and starts a server. With <paramref name="tls"/> it has <c>ssl=on</c> with a self-signed
    /// certificate for 127.0.0.1 and accepts TCP logins only over TLS (<c>hostssl</c>).
    /// </summary>
    public static async Task<PrivatePostgres> StartAsync(string name, bool tls = false)
    {
        var bin = ServerPrograms.FindBinFolder();
        await StopStaleServersAsync(bin);
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var folder = Path.Combine(BaseFolder, $"{FolderPrefix}{name}-{suffix}");
        var server = new PrivatePostgres(bin, folder, FreePort(), tls);
        try
        {
            await server.CreateAsync();
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The superuser's connection string over TCP.</summary>
    public string ConnectionString(string database = "postgres", SslMode sslMode = SslMode.Disable) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = ServerPrograms.OsUser,
            Password = _password,
            Database = database,
            SslMode = sslMode,
            Timeout = 5,
        }.ConnectionString;

    public Task StartAsync() => Ctl("start", "-w", "-t", "60", "-l", Path.Combine(Folder, "postgres.log"));

    /// <summary>
    /// Stops the server at once, ending every session (<c>-m fast</c>), as an outage would.
    /// </summary>
    public Task StopAsync() => Ctl("stop", "-w", "-t", "60", "-m", "fast");

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            await Ctl("stop", "-w", "-t", "60", "-m", "immediate");
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private Task<string> Ctl(string action, params string[] options) =>
        ServerPrograms.RunAsync(Path.Combine(_bin, "pg_ctl"), [action, "-D", DataFolder, .. options]);
}
