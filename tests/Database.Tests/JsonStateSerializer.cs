using System.Text.Json;
using Orleans.Storage;

namespace ApprovalBot.Database.Tests;

/// <summary>Grain state as JSON: the storage SQL stores whatever bytes it is given.</summary>
internal sealed class JsonStateSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input));

    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToArray());
}
