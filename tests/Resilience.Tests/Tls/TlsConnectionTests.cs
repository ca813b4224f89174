using ApprovalBot.Grains;
using ApprovalBot.Resilience.Tests.Support;
using ApprovalBot.TestSupport.Cluster;
using Npgsql;

namespace ApprovalBot.Resilience.Tests.Tls;

/// <summary>
/// The product against a PostgreSQL that requires TLS with a self-signed certificate: migrations, a silo's
/// clustering, storage and reminders all connect encrypted, and an unencrypted login is refused.
/// </summary>
public sealed class TlsConnectionTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    [Fact]
    public async Task Silo_SslModeRequire_MigratesServesAndEveryConnectionIsEncrypted()
    {
        Assert.True(fixture.HasOpenSsl, PrivatePostgresTls.MissingOpenSsl);
        var runtime = new NpgsqlConnectionStringBuilder(fixture.Database.RuntimeConnectionString);
        await using var context = new ApprovalTestContext(runtime.ConnectionString);
        await using var cluster = await ApprovalTestCluster.StartAsync(context);
        var id = GrainDriver.NewCorrelationId();

        await GrainDriver.SubmitPostedAsync(
            cluster.Grains, context.Slack, id, GrainDriver.Submission("U0TLSUSER"));

        var stored = await new StoredRequests(fixture.Database.AdminConnectionString, context.ServiceId,
            cluster.Cluster.Client.ServiceProvider).ReadAsync([id]);
        Assert.Equal(ApprovalStatus.Pending, stored[id].Status);
        var (encrypted, total) = await SessionsOfAsync(runtime.Username!);
        Assert.True(total > 0,
            $"Expected the silo's sessions as {runtime.Username} in pg_stat_activity; saw none.");
        Assert.Equal(total, encrypted);
        Assert.Equal(1L, await ScalarAsync<long>(fixture.Database.AdminConnectionString,
            "SELECT count(*) FROM approvalbot_schema_versions WHERE scriptname LIKE '%0004_reminders.sql'"));
    }

    [Fact]
    public async Task Connection_SslModeDisable_RefusedByHostsslOnlyRule()
    {
        Assert.True(fixture.HasOpenSsl, PrivatePostgresTls.MissingOpenSsl);
        var plain = new NpgsqlConnectionStringBuilder(fixture.Database.AdminConnectionString)
        {
            SslMode = SslMode.Disable,
        };

        var refused = await Assert.ThrowsAsync<PostgresException>(
            () => ScalarAsync<bool>(plain.ConnectionString, "SELECT true"));

        Assert.Equal(PostgresErrorCodes.InvalidAuthorizationSpecification, refused.SqlState);
        Assert.Contains("no encryption", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_VerifyFullWithTheRootCertificate_EncryptedAndVerified()
    {
        Assert.True(fixture.HasOpenSsl, PrivatePostgresTls.MissingOpenSsl);
        var verified = new NpgsqlConnectionStringBuilder(fixture.Database.AdminConnectionString)
        {
            SslMode = SslMode.VerifyFull,
            RootCertificate = fixture.Server.CertificateFile,
        };
        var unverifiable = new NpgsqlConnectionStringBuilder(fixture.Database.AdminConnectionString)
        {
            SslMode = SslMode.VerifyFull,
        };

        var encrypted = await ScalarAsync<bool>(verified.ConnectionString,
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        var untrusted = await Record.ExceptionAsync(
            () => ScalarAsync<bool>(unverifiable.ConnectionString, "SELECT true"));

        Assert.True(encrypted);
        Assert.IsAssignableFrom<NpgsqlException>(untrusted);
    }

    private async Task<(long Encrypted, long Total)> SessionsOfAsync(string role)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE s.ssl), count(*)
            FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
            WHERE a.usename = @role
            """, connection);
        command.Parameters.AddWithValue("role", role);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
