using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ApprovalBot.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.Slack.Tests.Verification;

/// <summary>The middleware behind real Kestrel on 127.0.0.1, as the Api will host it.</summary>
public sealed class SlackVerificationOverHttpTests : IAsyncLifetime
{
    private const string Secret = "over-http-secret";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration["Slack:SigningSecret"] = Secret;
        builder.Services.AddSingleton<TimeProvider>(_clock).AddSlackVerification(builder.Configuration);
        _app = builder.Build();
        _app.UseSlackVerification("/slack");
        _app.MapPost("/slack/commands", Echo);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task Post_SignedFormOverHttp_EndpointEchoesExactBytes()
    {
        var body = "text=ship+it+%F0%9F%9A%80+%2Aprod%2A&user_id=U1"u8.ToArray();

        using var response = await Client.SendAsync(Signed(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_OverLimitOverHttp_413()
    {
        var body = new byte[SlackVerificationLimits.MaxBodyBytes + 1];

        using var response = await Client.SendAsync(Signed(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForgedOverHttp_401EmptyBody()
    {
        using var request = Signed("text=hi"u8.ToArray());
        request.Headers.Remove(SlackHeaders.Signature);
        request.Headers.Add(SlackHeaders.Signature, "v0=" + new string('f', 64));

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_SslCheckOverHttp_200Empty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = Form("ssl_check=1&token=x"u8.ToArray()),
        };

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private HttpRequestMessage Signed(byte[] body)
    {
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = Form(body) };
        request.Headers.Add(SlackHeaders.RequestTimestamp, timestamp);
        request.Headers.Add(SlackHeaders.Signature, SlackSignature.Compute(Secret, timestamp, body));
        return request;
    }

    private static IResult Echo(HttpContext context) =>
        Results.Bytes(context.GetVerifiedSlackBody().ToArray());

    private static ByteArrayContent Form(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
