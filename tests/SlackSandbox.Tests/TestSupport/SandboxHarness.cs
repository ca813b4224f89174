using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalBot.SlackSandbox.Tests.TestSupport;

/// <summary>
/// A sandbox on a fake clock, wired to a fake Api, with a client that calls its Web API as the bot.
/// </summary>
public sealed class SandboxHarness : IAsyncDisposable
{
    public const string Secret = "sandbox-test-signing-secret";
    public const string BotToken = "xoxb-sandbox-test";
    public const string Approvals = SandboxOptions.DefaultApprovalChannelId;
    public const string General = SandboxOptions.DefaultGeneralChannelId;

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private SandboxHarness(FakeTimeProvider time, FakeSlackApp app, SlackSandboxServer server)
    {
        Time = time;
        App = app;
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseUrl };
    }

    public FakeTimeProvider Time { get; }

    public FakeSlackApp App { get; }

    public SlackSandboxServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<SandboxHarness> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var app = await FakeSlackApp.StartAsync();
        var options = new SandboxOptions
        {
            SigningSecret = Secret,
            BotToken = BotToken,
            ApiBaseUrl = app.BaseUrl,
        };
        configure?.Invoke(options);
        var server = await SlackSandboxServer.StartAsync(options, time);
        return new SandboxHarness(time, app, server);
    }

    /// <summary>Calls a Web API method with a JSON body, as the bot does.</summary>
    public async Task<ApiResponse> CallAsync(string method, JsonObject args, string? token = BotToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.ApiBaseUrl, method));
        request.Content = new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return new ApiResponse((int)response.StatusCode, body, response.Headers);
    }

    /// <summary>Posts a message (with the approval card unless told otherwise) and returns its ts.</summary>
    public async Task<string> PostAsync(
        string channel = Approvals, JsonArray? blocks = null, string text = "card")
    {
        var response = await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = channel,
            ["text"] = text,
            ["blocks"] = blocks ?? Blocks.ApprovalCard(),
        });
        Assert.True(response.Ok, $"chat.postMessage failed: {response.Body}");
        return response.Ts;
    }

    /// <summary>Posts to an absolute sandbox URL (a response_url) with a JSON body.</summary>
    public async Task<(int StatusCode, JsonObject Body)> PostJsonAsync(string url, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(url), content);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return ((int)response.StatusCode, answer);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await App.DisposeAsync();
    }
}
