using System.Globalization;
using System.Text;
using ApprovalBot.Slack.Verification;
using BenchmarkDotNet.Attributes;

namespace ApprovalBot.Slack.Benchmarks;

/// <summary>
/// Cost of verifying one Slack request of 4 KiB (a long slash command or a small click), the work the Api
/// does before reading anything: header checks, timestamp window, HMAC-SHA256 and a fixed-time compare.
/// </summary>
[MemoryDiagnoser]
public class VerifyBenchmarks
{
    private const int BodyBytes = 4096;
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly FixedClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_767_366_245));
    private byte[] _body = [];
    private string _timestamp = "";
    private string _signature = "";
    private string _forged = "";
    private SlackRequestVerifier _verifier = null!;
    private SlackRequestVerifier _rotatingVerifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("team_id=T0ABCDEFGH&user_id=U0ABCDEFGH&command=%2Fapprove&text=");
        while (text.Length < BodyBytes)
        {
            text.Append("ana%40example.com+needs+prod+%2B+staging+%E2%9C%85+");
        }

        _body = Encoding.ASCII.GetBytes(text.ToString()[..BodyBytes]);
        _timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _signature = SlackSignature.Compute(Secret, _timestamp, _body);
        _forged = "v0=" + new string('0', 64);
        _verifier = new SlackRequestVerifier(Secret, null, _clock);
        _rotatingVerifier = new SlackRequestVerifier("the-new-secret", Secret, _clock);

        // A benchmark of the rejection path by mistake would look twice as fast; refuse to run it.
        var asIntended = VerifyValid().IsVerified
            && VerifyDuringRotation().UsedPreviousSecret
            && !VerifyForged().IsVerified;
        if (!asIntended)
        {
            throw new InvalidOperationException("The benchmark inputs do not verify as intended.");
        }
    }

    [Benchmark(Baseline = true, Description = "Verify 4 KiB, valid")]
    public SlackVerificationResult VerifyValid() => _verifier.Verify(_timestamp, _signature, _body);

    [Benchmark(Description = "Verify 4 KiB, forged")]
    public SlackVerificationResult VerifyForged() => _verifier.Verify(_timestamp, _forged, _body);

    [Benchmark(Description = "Verify 4 KiB, previous secret (2 MACs)")]
    public SlackVerificationResult VerifyDuringRotation() =>
        _rotatingVerifier.Verify(_timestamp, _signature, _body);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
