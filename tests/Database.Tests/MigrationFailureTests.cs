using System.Net;
using System.Net.Sockets;
using ApprovalBot.Silo.Database;
using ApprovalBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ApprovalBot.Database.Tests;

public sealed class MigrationFailureTests
{
    private const string Secret = "never-show-this-secret";

    [Fact]
    public async Task Migrate_UnreachableHost_MessageNamesHostAndKey()
    {
        var port = ClosedPort();
        var admin = Connection(port, "owner");
        var runtime = Connection(port, "silo");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.MigrateAsync(
            admin, runtime, createDatabaseIfMissing: true, NullLogger.Instance));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains(SchemaMigrator.AdminConnectionStringKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_UnreachableHostWithoutAdminSetting_MessageNamesRuntimeKey()
    {
        var port = ClosedPort();
        var runtime = Connection(port, "silo");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.MigrateAsync(
            runtime, null, createDatabaseIfMissing: false, NullLogger.Instance));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        var runtimeKey = $"({SchemaMigrator.RuntimeConnectionStringKey})";
        Assert.Contains(runtimeKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WrongPassword_MessageNamesRoleWithoutPassword()
    {
        var server = await PostgresServer.GetAsync();
        var admin = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Password = Secret };

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.MigrateAsync(
            admin.ConnectionString, null, createDatabaseIfMissing: false, NullLogger.Instance));

        Assert.Contains(server.AdminUser, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{server.Host}:{server.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_SuccessfulRun_LogsNoPassword()
    {
        var server = await PostgresServer.GetAsync();
        await using var database = await server.CreateDatabaseAsync("logs");
        var logger = new RecordingLogger();

        await database.MigrateAsync(logger);

        var passwords = new[] { database.AdminConnectionString, database.RuntimeConnectionString }
            .Select(connection => new NpgsqlConnectionStringBuilder(connection).Password!);
        var logged = string.Join('\n', logger.Entries.Select(entry => $"{entry.Message} {entry.Exception}"));
        Assert.Contains("Applied 4 migration(s)", logged, StringComparison.Ordinal);
        Assert.All(passwords, password => Assert.DoesNotContain(password, logged, StringComparison.Ordinal));
    }

    [Fact]
    public void Redact_ConnectionStringWithPassword_MasksIt()
    {
        var connection = $"Host=db.internal;Port=5433;Username=owner;Password={Secret};Database=approvalbot";

        var redacted = NpgsqlConnectionStrings.Redact(connection);

        Assert.DoesNotContain(Secret, redacted, StringComparison.Ordinal);
        Assert.Contains("db.internal", redacted, StringComparison.Ordinal);
    }

    private static string Connection(int port, string user) =>
        $"Host=127.0.0.1;Port={port};Username={user};Password={Secret};Database=approvalbot;Timeout=5";

    private static int ClosedPort()
    {
        // A port just released by the kernel on loopback has no listener: connecting is refused at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
