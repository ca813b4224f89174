using Npgsql;

namespace ApprovalBot.Silo.Database;

/// <summary>Safe ways to show a PostgreSQL connection string in messages and logs.</summary>
public static class NpgsqlConnectionStrings
{
    private const string Mask = "********";

    /// <summary>The connection string with its passwords masked.</summary>
    public static string Redact(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // An unparseable string may still hold a password somewhere: show none of it.
            return "(unparseable connection string)";
        }

        if (parsed.Password is not null)
        {
            parsed.Password = Mask;
        }

        if (parsed.SslPassword is not null)
        {
            parsed.SslPassword = Mask;
        }

        return parsed.ToString();
    }

    /// <summary><c>host:port</c> of a parsed connection string (the default port when unset).</summary>
    public static string Endpoint(NpgsqlConnectionStringBuilder connectionString) =>
        $"{connectionString.Host ?? "localhost"}:{connectionString.Port}";
}
