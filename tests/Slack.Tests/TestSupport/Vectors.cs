using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ApprovalBot.Slack.Tests.TestSupport;

/// <summary>
/// The sample payloads and signing vectors copied into Vectors/ (shipped beside the test assembly).
/// </summary>
public static class Vectors
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", name), Encoding.UTF8);

    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Vectors", name));

    public static SigningVectorFile Signing()
    {
        using var document = JsonDocument.Parse(Text("signing-vectors.json"));
        var root = document.RootElement;
        var clock = root.GetProperty("timestamp").GetString()!;
        var vectors = root.GetProperty("vectors").EnumerateArray()
            .Select(v => new SigningVector(
                v.GetProperty("id").GetString()!,
                v.TryGetProperty("timestamp", out var ts) ? ts.GetString()! : clock,
                v.GetProperty("body").GetString()!,
                v.GetProperty("expected_signature").GetString()!,
                v.TryGetProperty("decoded_text", out var text) ? text.GetString() : null,
                v.TryGetProperty("must_not_equal", out var other) ? other.GetString() : null))
            .ToDictionary(v => v.Id);
        return new SigningVectorFile(
            root.GetProperty("signing_secret").GetString()!,
            long.Parse(clock, CultureInfo.InvariantCulture),
            vectors);
    }
}

public sealed record SigningVectorFile(
    string SigningSecret, long ClockUnixSeconds, IReadOnlyDictionary<string, SigningVector> Vectors)
{
    public SigningVector this[string id] => Vectors[id];
}

public sealed record SigningVector(
    string Id,
    string Timestamp,
    string Body,
    string ExpectedSignature,
    string? DecodedText,
    string? MustNotEqual)
{
    public byte[] BodyBytes => Encoding.UTF8.GetBytes(Body);
}
