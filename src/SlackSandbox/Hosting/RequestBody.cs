using System.Text;

namespace ApprovalBot.SlackSandbox.Hosting;

/// <summary>Reads a request body as UTF-8 text, bounded so a runaway client cannot exhaust memory.</summary>
internal static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BadHttpRequestException(
                    "Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
