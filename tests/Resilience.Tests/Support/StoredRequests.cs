using ApprovalBot.Grains.Approval;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace ApprovalBot.Resilience.Tests.Support;

/// <summary>
/// The approval requests exactly as PostgreSQL holds them: the grain storage rows, decoded with the cluster's own
/// serializer. A grain's in-memory view can differ from this after a failed write; this is what survives.
/// </summary>
public static class StoredRequests
{
    /// <summary>The storage provider's "grain type" column holds the state name the grain declares.</summary>
    private const string StateName = "approval";

    public static async Task<IReadOnlyDictionary<string, ApprovalState>> ReadAsync(
        string connectionString, string serviceId, IServiceProvider clusterServices)
    {
        var serializer = new OrleansGrainStorageSerializer(clusterServices.GetRequiredService<Serializer>());
        var stored = new Dictionary<string, ApprovalState>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT grain_id_extension, payload_binary FROM orleans_storage
            WHERE service_id = @service AND grain_type = @type AND payload_binary IS NOT NULL
            """,
            connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("type", StateName);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var payload = (byte[])reader["payload_binary"];
            stored[reader.GetString(0)] = serializer.Deserialize<ApprovalState>(BinaryData.FromBytes(payload));
        }

        return stored;
    }
}
