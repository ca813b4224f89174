using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>Creating a private server's folder and configuration, and clearing away abandoned ones.</summary>
public sealed partial class PrivatePostgres
{
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
        await ServerPrograms.RunAsync(
            "/bin/sh", "-c", $"umask 077 && printf '%s\\n' '{_password}' > {passwordFile}");
        await ServerPrograms.RunAsync(Path.Combine(_bin, "initdb"), "-D", DataFolder,
            "-U", ServerPrograms.OsUser, $"--pwfile={passwordFile}", "--auth-local=trust",
            "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
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

    /// <summary>
    /// Writes a configuration file through the server's OS user, which owns the data folder.
    /// </summary>
    private async Task WriteAsync(string file, string content)
    {
        var staged = Path.Combine(Path.GetTempPath(), $"approvalbot-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(staged, content);
        try
        {
            File.SetUnixFileMode(staged,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
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

    /// <summary>
    /// Servers an earlier, killed test run left behind: stopped and deleted once they are old.
    /// </summary>
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
                await ServerPrograms.RunAsync(
                    Path.Combine(bin, "pg_ctl"), "stop", "-D", data, "-m", "immediate");
            }

            Directory.Delete(folder, recursive: true);
        }
    }
}
