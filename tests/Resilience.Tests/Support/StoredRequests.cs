using ApprovalBot.Grains.Approval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using Orleans.Storage;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// The approval requests exactly as PostgreSQL holds them: the grain storage rows of one service, decoded
/// with the cluster's own serializer. A grain's in-memory view can differ from this after a failed write;
/// this is what lasts.
/// </summary>
public sealed class StoredRequests(
    string connectionString, string serviceId, IServiceProvider clusterServices)
{
    /// <summary>The storage provider's "grain type" column holds the state name the grain declares.</summary>
    private const string StateName = "approval";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>The stored requests, all of the service's or only those named.</summary>
    public async Task<IReadOnlyDictionary<string, ApprovalState>> ReadAsync(
        IReadOnlyCollection<string>? ids = null)
    {
        var serializer = new OrleansGrainStorageSerializer(clusterServices.GetRequiredService<Serializer>());
        var stored = new Dictionary<string, ApprovalState>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT grain_id_extension, payload_binary FROM orleans_storage
            WHERE service_id = @service AND grain_type = @type AND payload_binary IS NOT NULL
              AND (@ids::text[] IS NULL OR grain_id_extension = ANY(@ids))
            """,
            connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("type", StateName);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = ids is null ? DBNull.Value : ids.ToArray(),
        });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            var payload = BinaryData.FromBytes((byte[])reader["payload_binary"]);
            stored[id] = serializer.Deserialize<ApprovalState>(payload)
                ?? throw new InvalidOperationException($"The stored state of {id} is empty.");
        }

        return stored;
    }

    /// <summary>
    /// PostgreSQL's state once no request (of those named, or of all) owes Slack a call and <paramref
    /// name="settled"/> holds. A fake clock is moved a step at a time meanwhile, as retries wait on it; real
    /// time needs no help.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ApprovalState>> DrainedAsync(
        FakeTimeProvider? time = null, TimeSpan? step = null, TimeSpan? timeout = null,
        IReadOnlyCollection<string>? ids = null,
        Func<IReadOnlyDictionary<string, ApprovalState>, bool>? settled = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var stored = await ReadAsync(ids);
            var owing = stored.Where(s => s.Value.Outbox.Count > 0).Select(s => s.Key).ToList();
            var done = settled?.Invoke(stored) ?? true;
            if (owing.Count == 0 && done)
            {
                return stored;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected every stored request to have done its Slack calls" +
                    $"{(done ? "" : " and to have settled")}; still owing: {string.Join(", ", owing)}");
            }

            time?.Advance(step ?? TimeSpan.FromMinutes(1));
            await Task.Delay(Poll);
        }
    }
}
