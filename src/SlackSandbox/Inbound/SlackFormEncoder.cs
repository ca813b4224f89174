using System.Text;

namespace ApprovalBot.SlackSandbox.Inbound;

/// <summary>
/// Form encoding as Slack writes it: a space becomes <c>+</c>, letters, digits and <c>-_.~</c>
/// stay, every other UTF-8 byte becomes <c>%XX</c> (so <c>+</c> is <c>%2B</c> and <c>*</c> is
/// <c>%2A</c>). Apps that re-encode what they received differently break their signature check.
/// </summary>
internal static class SlackFormEncoder
{
    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b == (byte)' ')
            {
                builder.Append('+');
            }
            else if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z')
            or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
