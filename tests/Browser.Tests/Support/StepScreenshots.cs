using System.Runtime.CompilerServices;
using ApprovalBot.TestSupport;
using Microsoft.Playwright;

namespace ApprovalBot.Browser.Tests.Support;

/// <summary>
/// PNGs of every step of one test in artifacts/screenshots/&lt;test&gt;/NN-step.png under the checkout, so a
/// person can see what the browser saw. The folder is emptied first: it only ever shows the latest run.
/// </summary>
public sealed class StepScreenshots
{
    private readonly IPage _page;
    private int _step;

    public StepScreenshots(IPage page, [CallerMemberName] string testName = "")
    {
        _page = page;
        Folder = Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots", testName);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public async Task<string> TakeAsync(string step)
    {
        var path = Path.Combine(Folder, $"{++_step:00}-{step}.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
