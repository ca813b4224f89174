using System.Buffers;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Buffers a request body up to a limit. The bytes must be kept exactly as received: the signature covers
/// them, and re-encoding a parsed form changes <c>+</c> versus <c>%20</c> and breaks verification.
/// </summary>
internal static class SlackBodyReader
{
    private const int InitialBufferBytes = 4096;

    /// <summary>
    /// The whole body, or null as soon as it is known to exceed <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(
        Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
        {
            return null;
        }

        // One byte more than the limit, so an oversized body is noticed without reading any further.
        var capacity = (int)Math.Min(contentLength ?? InitialBufferBytes, maxBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, maxBytes + 1);
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int limit)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
