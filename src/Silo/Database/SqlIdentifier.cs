namespace ApprovalBot.Silo.Database;

/// <summary>Quotes names for the few statements (CREATE DATABASE) that cannot take parameters.</summary>
internal static class SqlIdentifier
{
    public static string Quote(string identifier)
    {
        if (identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A PostgreSQL identifier cannot contain NUL.", nameof(identifier));
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
