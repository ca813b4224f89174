using Npgsql;

namespace ApprovalBot.Bench.Hosting;

/// <summary>
/// Samples the CPU time of everything one approval passes through: the silo, the Api, this process (the load
/// and the Slack sandbox) and the PostgreSQL backends connected to the bench database.
/// </summary>
public static class ProductCpu
{
    public const string Silo = "silo";
    public const string Api = "Api";
    public const string Bench = "bench (load + Slack sandbox)";
    public const string Postgres = "PostgreSQL backends";

    public static async Task<CpuSample> SampleAsync(
        RunningProduct product, string connectionString, CancellationToken token)
    {
        var backends = await BackendPidsAsync(connectionString, token);
        return CpuSample.Take(new Dictionary<string, IReadOnlyList<int>>
        {
            [Silo] = product.Silo is { } silo ? [silo.Id] : [],
            [Api] = product.Api is { } api ? [api.Id] : [],
            [Bench] = [Environment.ProcessId],
            [Postgres] = backends,
        });
    }

    private static async Task<IReadOnlyList<int>> BackendPidsAsync(
        string connectionString, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        var pids = new List<int>();
        while (await reader.ReadAsync(token))
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }
}
