
namespace ApprovalBot.SlackSandbox.Page;

/// <summary>
/// The channel page: three files embedded in the assembly, so the page is served the same
/// whether the sandbox runs from its project folder or inside a test process.
/// </summary>
internal static class PageAssets
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => Serve("index.html", "text/html; charset=utf-8"));
        routes.MapGet("/sandbox/app.js", () => Serve("app.js", "text/javascript; charset=utf-8"));
        routes.MapGet("/sandbox/app.css", () => Serve("app.css", "text/css; charset=utf-8"));
        routes.MapGet("/favicon.ico", () => Results.NoContent());
    }

    private static IResult Serve(string name, string contentType)
    {
        var stream = typeof(PageAssets).Assembly
            .GetManifestResourceStream($"ApprovalBot.SlackSandbox.Page.{name}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}
