using System.Text;
using ApprovalBot.Slack.Tests.TestSupport;
using ApprovalBot.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalBot.Slack.Tests.Verification;

public sealed class SlackVerificationMiddlewareTests : IAsyncDisposable
{
    private static readonly byte[] CommandBody =
        [.. "team_id=T1&user_id=U1&command=%2Fapprove&text=a+b+%2B+*bold*"u8, .. "&response_url=x"u8];

    private readonly VerificationPipeline _pipeline = new();

    [Fact]
    public async Task Post_SignedBody_HandlerGetsExactBytes()
    {
        var context = VerificationPipeline.Signed(CommandBody, _pipeline.Now);

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        var handled = Assert.Single(_pipeline.HandledBodies);
        Assert.Equal(CommandBody, handled);
    }

    [Fact]
    public async Task Post_BadSignature_401WithEmptyBodyAndHandlerNotCalled()
    {
        var context = VerificationPipeline.Signed(CommandBody, _pipeline.Now);
        context.Request.Body = new MemoryStream([.. CommandBody, (byte)'x']);

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Post_NoSignatureHeaders_401()
    {
        var context = VerificationPipeline.Request("POST", "/slack/interactions", CommandBody);

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Post_StaleTimestamp_401AndWarningSaysHowStale()
    {
        var context = VerificationPipeline.Signed(CommandBody, _pipeline.Now);
        _pipeline.Clock.Advance(TimeSpan.FromSeconds(400));

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        var warning = Assert.Single(_pipeline.Warnings());
        Assert.Contains("stale timestamp: 400 s old", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ContentLengthOverLimit_413WithoutReadingBody()
    {
        var context = VerificationPipeline.Request("POST", "/slack/commands", []);
        context.Request.Body = new ThrowingStream();
        context.Request.ContentLength = SlackVerificationLimits.MaxBodyBytes + 1;

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
        var warning = Assert.Single(_pipeline.Warnings());
        Assert.Contains("body too large", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_413AndHandlerNotCalled()
    {
        var body = SignedSizedBody(SlackVerificationLimits.MaxBodyBytes + 1);
        var context = VerificationPipeline.Signed(body, _pipeline.Now);
        context.Request.ContentLength = null;

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Post_ChunkedBodyExactlyAtLimit_IsVerified()
    {
        var body = SignedSizedBody(SlackVerificationLimits.MaxBodyBytes);
        var context = VerificationPipeline.Signed(body, _pipeline.Now);
        context.Request.ContentLength = null;

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(body, Assert.Single(_pipeline.HandledBodies));
    }

    [Fact]
    public async Task Post_SslCheck_200EmptyWithoutSignatureAndHandlerNotCalled()
    {
        var body = "ssl_check=1&token=abc"u8.ToArray();
        var context = VerificationPipeline.Request("POST", "/slack/commands", body);

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Post_SslCheckWithPayload_PayloadNeverReachesHandler()
    {
        var body = "ssl_check=1&payload=%7B%22type%22%3A%22block_actions%22%7D"u8.ToArray();
        var context = VerificationPipeline.Signed(body, _pipeline.Now);

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Post_SslCheckNotOne_IsVerifiedLikeAnyRequest()
    {
        var body = "ssl_check=0&payload=x"u8.ToArray();
        var context = VerificationPipeline.Request("POST", "/slack/commands", body);

        await _pipeline.SendAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Post_OutsidePrefix_PassesThroughUnverified()
    {
        var context = VerificationPipeline.Request("POST", "/health/live", CommandBody);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _pipeline.SendAsync(context));

        Assert.Contains("not verified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PathOnlySharingPrefixText_IsNotUnderPrefix()
    {
        var context = VerificationPipeline.Request("POST", "/slackers", CommandBody);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _pipeline.SendAsync(context));

        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Rejections_SameReasonInOneWindow_LoggedOnceThenWithSuppressedCount()
    {
        for (var i = 0; i < 5; i++)
        {
            await _pipeline.SendAsync(VerificationPipeline.Request("POST", "/slack/commands", CommandBody));
        }

        _pipeline.Clock.Advance(TimeSpan.FromSeconds(10));
        await _pipeline.SendAsync(VerificationPipeline.Request("POST", "/slack/commands", CommandBody));

        var warnings = _pipeline.Warnings();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("(0 similar rejections", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("(4 similar rejections", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejections_DifferentReasons_EachLogged()
    {
        await _pipeline.SendAsync(VerificationPipeline.Request("POST", "/slack/commands", CommandBody));
        var badSignature = VerificationPipeline.Signed(CommandBody, _pipeline.Now);
        badSignature.Request.Headers[SlackHeaders.Signature] = "v0=" + new string('0', 64);
        await _pipeline.SendAsync(badSignature);

        var warnings = _pipeline.Warnings();

        Assert.Equal(2, warnings.Count);
        Assert.Contains("missing X-Slack-Request-Timestamp", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("bad signature", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejections_Logs_NeverContainSecretSignatureOrBody()
    {
        var context = VerificationPipeline.Signed(CommandBody, _pipeline.Now);
        var signature = context.Request.Headers[SlackHeaders.Signature].ToString();
        context.Request.Body = new MemoryStream([.. CommandBody, (byte)'x']);

        await _pipeline.SendAsync(context);

        var all = string.Join("\n", _pipeline.Logs.Entries.Select(e => e.Message));
        Assert.NotEmpty(all);
        Assert.DoesNotContain(VerificationPipeline.Secret, all, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, all, StringComparison.Ordinal);
        Assert.DoesNotContain("U1", all, StringComparison.Ordinal);
        Assert.DoesNotContain("bold", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnderPrefix_NotVerifiedAndBodyUnavailable()
    {
        var context = VerificationPipeline.Request("GET", "/slack/commands", []);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _pipeline.SendAsync(context));

        Assert.Empty(_pipeline.HandledBodies);
    }

    [Fact]
    public async Task Post_Verified_LaterReadersSeeSameBodyStream()
    {
        var context = VerificationPipeline.Signed(CommandBody, _pipeline.Now);
        await _pipeline.SendAsync(context);

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var rest = await reader.ReadToEndAsync();

        Assert.Equal(Encoding.UTF8.GetString(CommandBody), rest);
    }

    [Fact]
    public void GetVerifiedSlackBody_RequestNotVerified_Throws()
    {
        var context = new DefaultHttpContext();

        Assert.Throws<InvalidOperationException>(() => context.GetVerifiedSlackBody());
    }

    [Fact]
    public void UseSlackVerification_WithoutAddSlackVerification_ThrowsNamingTheFix()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var app = new ApplicationBuilder(services);

        var error = Assert.Throws<InvalidOperationException>(() => app.UseSlackVerification("/slack"));

        Assert.Contains("AddSlackVerification", error.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();

    private static byte[] SignedSizedBody(int size)
    {
        var body = new byte[size];
        body.AsSpan().Fill((byte)'a');
        "text="u8.CopyTo(body);
        return body;
    }
}
