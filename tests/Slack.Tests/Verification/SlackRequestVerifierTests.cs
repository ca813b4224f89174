using System.Globalization;
using ApprovalBot.Slack.Tests.TestSupport;
using ApprovalBot.Slack.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Slack.Tests.Verification;

public sealed class SlackRequestVerifierTests
{
    private const string DocsHex = "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private const string DocsHexUpper = "A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503";

    private const string TruncatedHex = "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50";

    private const string NonHex = "g2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private const string OffByOneHex = "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504";

    private static readonly SigningVectorFile Vectors = TestSupport.Vectors.Signing();

    private readonly FakeTimeProvider _clock =
        new(DateTimeOffset.FromUnixTimeSeconds(Vectors.ClockUnixSeconds));

    public static TheoryData<string> VectorIds => [.. Vectors.Vectors.Keys];

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Compute_EveryVector_MatchesPublishedSignature(string id)
    {
        var vector = Vectors[id];

        var signature = SlackSignature.Compute(Vectors.SigningSecret, vector.Timestamp, vector.BodyBytes);

        Assert.Equal(vector.ExpectedSignature, signature);
    }

    [Fact]
    public void Verify_DocsVectorAtItsClock_IsVerified()
    {
        var vector = Vectors["docs_slash_command"];

        var result = Verifier().Verify(vector.Timestamp, vector.ExpectedSignature, vector.BodyBytes);

        Assert.True(result.IsVerified, result.Describe());
        Assert.False(result.UsedPreviousSecret);
    }

    [Fact]
    public void Verify_UnicodeAndPlusVector_IsVerified()
    {
        var vector = Vectors["derived_unicode_plus_text_quote_plus"];

        var result = Verifier().Verify(vector.Timestamp, vector.ExpectedSignature, vector.BodyBytes);

        Assert.True(result.IsVerified, result.Describe());
    }

    [Fact]
    public void Verify_ReencodedBodyWithFirstDerivedSignature_IsRejected()
    {
        var reencoded = Vectors["derived_same_fields_reencoded_differently"];

        var result = Verifier().Verify(reencoded.Timestamp, reencoded.MustNotEqual, reencoded.BodyBytes);

        Assert.Equal(SlackRejectionReason.SignatureMismatch, result.Reason);
        Assert.NotEqual(reencoded.MustNotEqual, reencoded.ExpectedSignature);
    }

    [Fact]
    public void Verify_ReencodedBodyWithItsOwnSignature_IsVerified()
    {
        var reencoded = Vectors["derived_same_fields_reencoded_differently"];

        var result = Verifier().Verify(reencoded.Timestamp, reencoded.ExpectedSignature, reencoded.BodyBytes);

        Assert.True(result.IsVerified, result.Describe());
    }

    [Fact]
    public void Verify_StaleVector_IsRejectedAsStaleBy301Seconds()
    {
        var stale = Vectors["derived_stale_timestamp"];

        var result = Verifier().Verify(stale.Timestamp, stale.ExpectedSignature, stale.BodyBytes);

        Assert.Equal(SlackRejectionReason.StaleTimestamp, result.Reason);
        Assert.Equal(301, result.SkewSeconds);
        Assert.Equal("stale timestamp: 301 s old", result.Describe());
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(-299, true)]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    [InlineData(86_400, false)]
    public void Verify_TimestampOffsetFromClock_AcceptedWithin300SecondsEitherWay(int offset, bool verified)
    {
        var timestamp = (Vectors.ClockUnixSeconds + offset).ToString(CultureInfo.InvariantCulture);
        var body = "command=%2Fapprove&text=a+b"u8.ToArray();
        var signature = SlackSignature.Compute(Vectors.SigningSecret, timestamp, body);

        var result = Verifier().Verify(timestamp, signature, body);

        Assert.Equal(verified, result.IsVerified);
        var expected = verified ? SlackRejectionReason.None : SlackRejectionReason.StaleTimestamp;
        Assert.Equal(expected, result.Reason);
    }

    [Fact]
    public void Verify_TimestampInTheFuture_DescribedAsAhead()
    {
        var timestamp = (Vectors.ClockUnixSeconds + 301).ToString(CultureInfo.InvariantCulture);
        var body = "x=1"u8.ToArray();
        var signature = SlackSignature.Compute(Vectors.SigningSecret, timestamp, body);

        var result = Verifier().Verify(timestamp, signature, body);

        Assert.Equal("stale timestamp: 301 s in the future", result.Describe());
    }

    [Fact]
    public void Verify_ClockDriftsPastWindow_SameRequestRejected()
    {
        var vector = Vectors["docs_slash_command"];
        var verifier = Verifier();

        _clock.Advance(TimeSpan.FromSeconds(301));
        var result = verifier.Verify(vector.Timestamp, vector.ExpectedSignature, vector.BodyBytes);

        Assert.Equal(SlackRejectionReason.StaleTimestamp, result.Reason);
    }

    [Theory]
    [InlineData(null, SlackRejectionReason.MissingTimestamp)]
    [InlineData("", SlackRejectionReason.MissingTimestamp)]
    [InlineData("abc", SlackRejectionReason.MalformedTimestamp)]
    [InlineData(" 1531420618", SlackRejectionReason.MalformedTimestamp)]
    [InlineData("1531420618 ", SlackRejectionReason.MalformedTimestamp)]
    [InlineData("+1531420618", SlackRejectionReason.MalformedTimestamp)]
    [InlineData("-1531420618", SlackRejectionReason.MalformedTimestamp)]
    [InlineData("1531420618.0", SlackRejectionReason.MalformedTimestamp)]
    [InlineData("1,531,420,618", SlackRejectionReason.MalformedTimestamp)]
    [InlineData("0x5B4754CA", SlackRejectionReason.MalformedTimestamp)]
    [InlineData("99999999999999999999999", SlackRejectionReason.MalformedTimestamp)]
    public void Verify_BadTimestampHeader_IsRejected(string? timestamp, SlackRejectionReason reason)
    {
        var vector = Vectors["docs_slash_command"];

        var result = Verifier().Verify(timestamp, vector.ExpectedSignature, vector.BodyBytes);

        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData(null, SlackRejectionReason.MissingSignature)]
    [InlineData("", SlackRejectionReason.MissingSignature)]
    [InlineData("v1=" + DocsHex, SlackRejectionReason.MalformedSignature)]
    [InlineData(DocsHex, SlackRejectionReason.MalformedSignature)]
    [InlineData("v0=" + TruncatedHex, SlackRejectionReason.MalformedSignature)]
    [InlineData("v0=" + DocsHex + "0", SlackRejectionReason.MalformedSignature)]
    [InlineData("v0=" + DocsHexUpper, SlackRejectionReason.MalformedSignature)]
    [InlineData("V0=" + DocsHex, SlackRejectionReason.MalformedSignature)]
    [InlineData("v0=" + NonHex, SlackRejectionReason.MalformedSignature)]
    [InlineData("v0=" + DocsHex + " ", SlackRejectionReason.MalformedSignature)]
    [InlineData("v0=" + OffByOneHex, SlackRejectionReason.SignatureMismatch)]
    public void Verify_BadSignatureHeader_IsRejected(string? signature, SlackRejectionReason reason)
    {
        var vector = Vectors["docs_slash_command"];

        var result = Verifier().Verify(vector.Timestamp, signature, vector.BodyBytes);

        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Verify_OneBodyByteChanged_IsRejected()
    {
        var vector = Vectors["docs_slash_command"];
        var body = vector.BodyBytes;
        body[^1] ^= 1;

        var result = Verifier().Verify(vector.Timestamp, vector.ExpectedSignature, body);

        Assert.Equal(SlackRejectionReason.SignatureMismatch, result.Reason);
    }

    [Fact]
    public void Verify_WrongSecret_IsRejected()
    {
        var vector = Vectors["docs_slash_command"];
        var verifier = new SlackRequestVerifier("not-the-secret", null, _clock);

        var result = verifier.Verify(vector.Timestamp, vector.ExpectedSignature, vector.BodyBytes);

        Assert.Equal(SlackRejectionReason.SignatureMismatch, result.Reason);
    }

    [Fact]
    public void VerifyHeaders_LowercaseHeaderNames_IsVerified()
    {
        var vector = Vectors["docs_slash_command"];
        var headers = new HeaderDictionary
        {
            ["x-slack-request-timestamp"] = vector.Timestamp,
            ["x-slack-signature"] = vector.ExpectedSignature,
        };

        var result = Verifier().VerifyHeaders(headers, vector.BodyBytes);

        Assert.True(result.IsVerified, result.Describe());
    }

    [Theory]
    [InlineData(SlackHeaders.RequestTimestamp)]
    [InlineData(SlackHeaders.Signature)]
    public void VerifyHeaders_HeaderSentTwice_IsRejectedAsDuplicate(string repeated)
    {
        var vector = Vectors["docs_slash_command"];
        var headers = new HeaderDictionary
        {
            [SlackHeaders.RequestTimestamp] = vector.Timestamp,
            [SlackHeaders.Signature] = vector.ExpectedSignature,
        };
        headers.Append(repeated, headers[repeated].ToString());

        var result = Verifier().VerifyHeaders(headers, vector.BodyBytes);

        Assert.Equal(SlackRejectionReason.DuplicateHeader, result.Reason);
    }

    [Fact]
    public void VerifyHeaders_NoHeaders_IsRejectedAsMissing()
    {
        var result = Verifier().VerifyHeaders(new HeaderDictionary(), "a=b"u8);

        Assert.Equal(SlackRejectionReason.MissingTimestamp, result.Reason);
    }

    [Fact]
    public void Verify_SignedWithPreviousSecretDuringRotation_IsVerifiedAndFlagged()
    {
        var vector = Vectors["docs_slash_command"];
        var verifier = new SlackRequestVerifier("the-new-secret", Vectors.SigningSecret, _clock);

        var result = verifier.Verify(vector.Timestamp, vector.ExpectedSignature, vector.BodyBytes);

        Assert.True(result.IsVerified, result.Describe());
        Assert.True(result.UsedPreviousSecret);
    }

    [Fact]
    public void Verify_SignedWithNewSecretDuringRotation_IsVerified()
    {
        var vector = Vectors["docs_slash_command"];
        var verifier = new SlackRequestVerifier("the-new-secret", Vectors.SigningSecret, _clock);
        var signature = SlackSignature.Compute("the-new-secret", vector.Timestamp, vector.BodyBytes);

        var result = verifier.Verify(vector.Timestamp, signature, vector.BodyBytes);

        Assert.True(result.IsVerified, result.Describe());
        Assert.False(result.UsedPreviousSecret);
    }

    [Fact]
    public void Verify_OldSecretAfterRotationEnds_IsRejected()
    {
        var vector = Vectors["docs_slash_command"];
        var verifier = new SlackRequestVerifier("the-new-secret", "", _clock);

        var result = verifier.Verify(vector.Timestamp, vector.ExpectedSignature, vector.BodyBytes);

        Assert.Equal(SlackRejectionReason.SignatureMismatch, result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_NoSigningSecret_Throws(string secret)
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new SlackRequestVerifier(secret, null, _clock));

        Assert.Contains("Slack:SigningSecret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EmptyBodySignedCorrectly_IsVerified()
    {
        var timestamp = Vectors.ClockUnixSeconds.ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignature.Compute(Vectors.SigningSecret, timestamp, []);

        var result = Verifier().Verify(timestamp, signature, []);

        Assert.True(result.IsVerified, result.Describe());
    }

    private SlackRequestVerifier Verifier() => new(Vectors.SigningSecret, null, _clock);
}
