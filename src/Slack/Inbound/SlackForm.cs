using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// Decodes the <c>application/x-www-form-urlencoded</c> bodies Slack posts
/// (https://api.slack.com/interactivity/slash-commands#app_command_handling) from the raw, verified bytes:
/// <c>+</c> is a space, <c>%XX</c> a byte, the bytes UTF-8. <see cref="Uri.UnescapeDataString(string)"/>
/// would leave <c>+</c> in place, which is why this exists.
/// </summary>
public static class SlackForm
{
    /// <summary>Decodes every field; the first occurrence of a repeated name wins.</summary>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            fields.TryAdd(name, equals < 0 ? "" : Decode(pair[(equals + 1)..]));
        }

        return fields;
    }

    /// <summary>
    /// Finds one field and decodes only its value, leaving every other value untouched (as the
    /// <c>ssl_check</c> path requires).
    /// </summary>
    public static bool TryGetValue(
        ReadOnlySpan<byte> body, string name, [NotNullWhen(true)] out string? value)
    {
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            var equals = pair.IndexOf((byte)'=');
            var encodedName = equals < 0 ? pair : pair[..equals];
            if (!pair.IsEmpty && string.Equals(Decode(encodedName), name, StringComparison.Ordinal))
            {
                value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Decodes one name or value. A <c>%</c> not followed by two hex digits is kept as it is.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IndexOfAny((byte)'%', (byte)'+') < 0)
        {
            return Encoding.UTF8.GetString(encoded);
        }

        var rented = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            var length = Unescape(encoded, rented);
            return Encoding.UTF8.GetString(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Unescape(ReadOnlySpan<byte> encoded, Span<byte> destination)
    {
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%' && i + 2 < encoded.Length
                && TryHex(encoded[i + 1], encoded[i + 2], out var decoded))
            {
                b = decoded;
                i += 2;
            }

            destination[length++] = b;
        }

        return length;
    }

    private static bool TryHex(byte high, byte low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
