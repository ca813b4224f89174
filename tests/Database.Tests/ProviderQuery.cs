using System.Data;
using Npgsql;

namespace ApprovalBot.Database.Tests;

/// <summary>
/// Runs a query text from OrleansQuery the way the Orleans ADO.NET providers do: looked up by key, with
/// parameters named without a prefix and typed by DbType from their .NET type.
/// </summary>
internal static class ProviderQuery
{
    public static async Task<IReadOnlyList<Dictionary<string, object?>>> RunAsync(
        string connectionString, string queryKey, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = await TextAsync(connection, queryKey);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = DbTypeOf(value);
            parameter.Value = value is null or TypedNull ? DBNull.Value : value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(
                reader.GetName, ordinal => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal)));
        }

        return rows;
    }

    /// <summary>A missing ETag: the provider's null <c>int?</c>.</summary>
    public static object NoVersion { get; } = new TypedNull(DbType.Int32);

    /// <summary>A missing string key part: the provider's null <c>string</c>.</summary>
    public static object NoString { get; } = new TypedNull(DbType.String);

    private static async Task<string> TextAsync(NpgsqlConnection connection, string queryKey)
    {
        await using var command = new NpgsqlCommand(
            "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", queryKey);
        return (string?)await command.ExecuteScalarAsync()
            ?? throw new InvalidOperationException($"OrleansQuery has no {queryKey}.");
    }

    private static DbType DbTypeOf(object? value) => value switch
    {
        null => throw new ArgumentException("Pass NoVersion or NoString: the provider types its nulls."),
        TypedNull typed => typed.Type,
        int => DbType.Int32,
        long => DbType.Int64,
        string => DbType.String,
        byte[] => DbType.Binary,
        DateTime => DbType.DateTime,
        _ => throw new ArgumentException($"No provider DbType for {value.GetType()}.", nameof(value)),
    };

    private sealed record TypedNull(DbType Type);
}
