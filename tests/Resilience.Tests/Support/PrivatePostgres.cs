using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// A PostgreSQL server one test owns, never the shared one: its own folder under /var/tmp/approvalbot-pg, a free
/// port on 127.0.0.1 and a socket in its folder, so the test may stop it, restart it or require TLS. Disposing
/// stops it and deletes the folder.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
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
        var folder = Path.Combine(BaseFolder, $"{FolderPrefix}{name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
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

    /// <summary>Stops the server at once, ending every session (<c>-m fast</c>), as an outage would.</summary>
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

    private async Task CreateAsync()
    {
        if (!Directory.Exists(BaseFolder))
        {
            // Shared by every OS user's servers, like /tmp (scripts/pg.sh does the same).
            Directory.CreateDirectory(BaseFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite
                | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite
                | UnixFileMode.OtherExecute | UnixFileMode.StickyBit);
        }

        await ServerPrograms.RunAsync("/bin/mkdir", "-m", "700", Folder);
        var passwordFile = Path.Combine(Folder, "superuser.pw");
        await ServerPrograms.RunAsync("/bin/sh", "-c", $"umask 077 && printf '%s\\n' '{_password}' > {passwordFile}");
        await ServerPrograms.RunAsync(Path.Combine(_bin, "initdb"), "-D", DataFolder, "-U", ServerPrograms.OsUser,
            $"--pwfile={passwordFile}", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
            "--locale=C.UTF-8");
        File.Delete(passwordFile);
        if (Tls)
        {
            await PrivatePostgresTls.CreateCertificateAsync(Folder);
        }

        await WriteAsync("pg_hba.conf", PrivatePostgresTls.HostBasedAccess(Tls));
        await WriteAsync("postgresql.conf",
            await File.ReadAllTextAsync(Path.Combine(DataFolder, "postgresql.conf")) + Settings());
    }

    private string Settings() => string.Create(CultureInfo.InvariantCulture, $"""

        # Written by the resilience tests
        listen_addresses = '{Host}'
        port = {Port}
        unix_socket_directories = '{Folder}'
        unix_socket_permissions = 0700
        max_connections = 200
        password_encryption = 'scram-sha-256'
        timezone = 'UTC'
        log_timezone = 'UTC'

        """) + (Tls ? PrivatePostgresTls.ServerSettings(Folder) : "");

    /// <summary>Writes a configuration file through the server's OS user, which owns the data folder.</summary>
    private async Task WriteAsync(string file, string content)
    {
        var staged = Path.Combine(Path.GetTempPath(), $"approvalbot-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(staged, content);
        try
        {
            File.SetUnixFileMode(staged, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            await ServerPrograms.RunAsync("/bin/cp", staged, Path.Combine(DataFolder, file));
        }
        finally
        {
            File.Delete(staged);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Servers an earlier, killed test run left behind: stopped and deleted once they are old.</summary>
    private static async Task StopStaleServersAsync(string bin)
    {
        if (!Directory.Exists(BaseFolder))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(BaseFolder, FolderPrefix + "*")
            .Where(f => DateTime.UtcNow - Directory.GetLastWriteTimeUtc(f) > StaleAfter))
        {
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await ServerPrograms.RunAsync(Path.Combine(bin, "pg_ctl"), "stop", "-D", data, "-m", "immediate");
            }

            Directory.Delete(folder, recursive: true);
        }
    }
}
