using Microsoft.Playwright;

namespace ApprovalBot.Browser.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by the driver bundled in the Playwright package, in a user-data folder
/// of its own that is removed afterwards. Playwright cannot download a browser here: the executable is given.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutableVariable = "APPROVALBOT_CHROMIUM";
    private const string DefaultExecutable = "/usr/bin/chromium";

    // Keeps the browser from reaching anything but the loopback servers a test starts.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly DirectoryInfo _userData;

    private ChromiumSession(
        IPlaywright playwright, IBrowserContext context, DirectoryInfo userData, IPage page)
    {
        _playwright = playwright;
        _context = context;
        _userData = userData;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<ChromiumSession> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } named
            ? named
            : DefaultExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No Chromium at {executable}: install Debian's chromium or set {ExecutableVariable}.");
        }

        var playwright = await Playwright.CreateAsync();
        var userData = Directory.CreateTempSubdirectory("approvalbot-chromium-");
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(userData.FullName, new()
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Arguments,
                ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
                Timeout = 30_000,
            });
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            return new ChromiumSession(playwright, context, userData, page);
        }
        catch
        {
            playwright.Dispose();
            userData.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _playwright.Dispose();
        _userData.Delete(recursive: true);
    }
}
