namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// The TLS side of a <see cref="PrivatePostgres"/>: a self-signed certificate and hostssl-only access.
/// </summary>
public static class PrivatePostgresTls
{
    public const string MissingOpenSsl =
        "openssl is not installed, and the TLS test needs it to make the server's self-signed certificate. " +
        "Install Debian's openssl package (as root: apt-get install openssl; scripts/test.sh can do it).";

    /// <summary>
    /// Makes <c>server.crt</c> and <c>server.key</c> in <paramref name="folder"/> as the server's OS user,
    /// readable by it alone: PostgreSQL refuses a key that others may read.
    /// </summary>
    public static async Task CreateCertificateAsync(string folder)
    {
        var openssl = ServerPrograms.FindOpenSsl() ?? throw new InvalidOperationException(MissingOpenSsl);
        var certificate = Path.Combine(folder, "server.crt");
        var key = Path.Combine(folder, "server.key");
        await ServerPrograms.RunAsync(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", key, "-out", certificate);
        await ServerPrograms.RunAsync("/bin/chmod", "600", key, certificate);
    }

    /// <summary>
    /// pg_hba.conf: trust on the private socket; on loopback TCP, passwords, and with TLS only TLS.
    /// </summary>
    public static string HostBasedAccess(bool tls) => $"""
        # Written by the resilience tests
        local   all   all                  trust
        {(tls ? "hostssl" : "host   ")} all   all   127.0.0.1/32   scram-sha-256

        """;

    public static string ServerSettings(string folder) => $"""
        ssl = on
        ssl_cert_file = '{Path.Combine(folder, "server.crt")}'
        ssl_key_file = '{Path.Combine(folder, "server.key")}'

        """;
}
