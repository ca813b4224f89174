using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ApprovalBot.Security.Tests.Support;

/// <summary>
/// HTTP/1.1 written byte by byte over a loopback socket, for requests HttpClient will not send as such (the
/// same header twice on two lines).
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// POSTs <paramref name="body"/> with exactly <paramref name="headers"/> (one line each).
    /// </summary>
    public static async Task<ApiReply> PostAsync(
        Uri baseUrl, string path, string body, IEnumerable<(string Name, string Value)> headers)
    {
        var payload = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST /{path} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {baseUrl.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {ApiClient.FormType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {payload.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        using var timeout = new CancellationTokenSource(Wait);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), timeout.Token);
        await stream.WriteAsync(payload, timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(await reader.ReadToEndAsync(timeout.Token));
    }

    private static ApiReply Parse(string response)
    {
        var statusLine = response[..response.IndexOf("\r\n", StringComparison.Ordinal)];
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        return new ApiReply(status, response[bodyStart..]);
    }
}
