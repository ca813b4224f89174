using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Slack's request signature (https://api.slack.com/authentication/verifying-requests-from-slack):
/// <c>v0=</c> + lowercase hex of HMAC-SHA256(secret, <c>v0:{timestamp}:{raw body}</c>).
/// </summary>
public static class SlackSignature
{
    public const string VersionPrefix = "v0=";

    private static readonly byte[] Version = "v0:"u8.ToArray();

    /// <summary>Computes the header value Slack would send for this body, secret and timestamp.</summary>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeMac(Encoding.UTF8.GetBytes(signingSecret), timestamp, body, mac);
        return VersionPrefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// Writes the raw MAC of <c>v0:{timestamp}:{body}</c> into <paramref name="destination"/>.
    /// </summary>
    public static void ComputeMac(
        ReadOnlySpan<byte> key, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var timestampLength = Encoding.ASCII.GetByteCount(timestamp);
        var length = Version.Length + timestampLength + 1 + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var message = rented.AsSpan(0, length);
            Version.CopyTo(message);
            Encoding.ASCII.GetBytes(timestamp, message[Version.Length..]);
            message[Version.Length + timestampLength] = (byte)':';
            body.CopyTo(message[(Version.Length + timestampLength + 1)..]);
            HMACSHA256.HashData(key, message, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
