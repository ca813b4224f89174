using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Checks a request against Slack's signing scheme
/// (https://api.slack.com/authentication/verifying-requests-from-slack) over the raw body bytes: timestamp
/// within 300 s of our clock either way, <c>v0=</c> + 64 lowercase hex, HMAC-SHA256 compared in fixed time
/// against the signing secret and, during a rotation, the previous one. Fails closed on anything unexpected.
/// </summary>
public sealed class SlackRequestVerifier
{
    private const int SignatureHexLength = HMACSHA256.HashSizeInBytes * 2;

    private readonly byte[] _currentKey;
    private readonly byte[]? _previousKey;
    private readonly TimeProvider _timeProvider;

    public SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider timeProvider)
        : this(options.Value.SigningSecret, options.Value.PreviousSigningSecret, timeProvider)
    {
    }

    public SlackRequestVerifier(
        string signingSecret, string? previousSigningSecret, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(signingSecret))
        {
            throw new ArgumentException(
                "Slack:SigningSecret is required; verification never runs without it.",
                nameof(signingSecret));
        }

        _currentKey = Encoding.UTF8.GetBytes(signingSecret);
        _previousKey = string.IsNullOrEmpty(previousSigningSecret)
            ? null
            : Encoding.UTF8.GetBytes(previousSigningSecret);
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies a request whose headers may be missing, repeated or anything else.</summary>
    public SlackVerificationResult VerifyHeaders(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var timestamp = headers[SlackHeaders.RequestTimestamp];
        var signature = headers[SlackHeaders.Signature];
        if (timestamp.Count > 1 || signature.Count > 1)
        {
            return SlackVerificationResult.Rejected(SlackRejectionReason.DuplicateHeader);
        }

        return Verify(Single(timestamp), Single(signature), body);
    }

    /// <summary>Verifies one timestamp header value, one signature header value and the raw body.</summary>
    public SlackVerificationResult Verify(
        string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader))
        {
            return SlackVerificationResult.Rejected(SlackRejectionReason.MissingTimestamp);
        }

        if (string.IsNullOrEmpty(signatureHeader))
        {
            return SlackVerificationResult.Rejected(SlackRejectionReason.MissingSignature);
        }

        // NumberStyles.None: digits only, so no sign, spaces or separators can change what was signed.
        var invariant = CultureInfo.InvariantCulture;
        if (!long.TryParse(timestampHeader, NumberStyles.None, invariant, out var timestamp))
        {
            return SlackVerificationResult.Rejected(SlackRejectionReason.MalformedTimestamp);
        }

        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!TryDecodeSignature(signatureHeader, claimed))
        {
            return SlackVerificationResult.Rejected(SlackRejectionReason.MalformedSignature);
        }

        var skew = _timeProvider.GetUtcNow().ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(skew) > SlackVerificationLimits.MaxClockSkewSeconds)
        {
            return SlackVerificationResult.Rejected(SlackRejectionReason.StaleTimestamp, skew);
        }

        return CheckMac(timestampHeader, body, claimed, skew);
    }

    private SlackVerificationResult CheckMac(
        string timestamp, ReadOnlySpan<byte> body, ReadOnlySpan<byte> claimed, long skew)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        SlackSignature.ComputeMac(_currentKey, timestamp, body, expected);
        if (CryptographicOperations.FixedTimeEquals(expected, claimed))
        {
            return new SlackVerificationResult(SlackRejectionReason.None, skew);
        }

        if (_previousKey is not null)
        {
            SlackSignature.ComputeMac(_previousKey, timestamp, body, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, claimed))
            {
                return new SlackVerificationResult(SlackRejectionReason.None, skew, UsedPreviousSecret: true);
            }
        }

        return SlackVerificationResult.Rejected(SlackRejectionReason.SignatureMismatch, skew);
    }

    // Only the exact form Slack sends is accepted: version v0 and lowercase hex. Decoding by hand keeps
    // uppercase out (Convert.FromHexString would accept it) and allocates nothing.
    private static bool TryDecodeSignature(string header, Span<byte> destination)
    {
        if (header.Length != SlackSignature.VersionPrefix.Length + SignatureHexLength
            || !header.StartsWith(SlackSignature.VersionPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = header.AsSpan(SlackSignature.VersionPrefix.Length);
        for (var i = 0; i < destination.Length; i++)
        {
            var high = LowerHexValue(hex[2 * i]);
            var low = LowerHexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int LowerHexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;
}
