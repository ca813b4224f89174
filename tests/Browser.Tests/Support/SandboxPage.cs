using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ApprovalBot.Browser.Tests.Support;

/// <summary>
/// The sandbox's channel page as a person uses it, through its data-testid attributes
/// (src/SlackSandbox/Page).
/// Every wait has a deadline and, when it passes, names what was expected and what the page showed.
/// </summary>
public sealed partial class SandboxPage(IPage page, StepScreenshots screenshots)
{
    public static readonly TimeSpan Wait = PageWait.Timeout;

    public IPage Page => page;

    public ILocator Messages => page.GetByTestId("messages").GetByTestId("message");

    public static async Task<SandboxPage> OpenAsync(IPage page, Uri baseUrl, StepScreenshots screenshots)
    {
        var sandbox = new SandboxPage(page, screenshots);
        await page.GotoAsync(baseUrl.ToString());
        await sandbox.UntilAsync(page.GetByTestId("connection").GetByText("live", new() { Exact = true }),
            "the page's live feed to connect (connection shows \"live\")");
        return sandbox;
    }

    /// <summary>Picks the user in "You are:"; the page then fetches what that user may see.</summary>
    public async Task ActAsAsync(string userId)
    {
        // Playwright waits for the option to exist, then the page switches on the change event.
        await page.GetByTestId("user-picker").SelectOptionAsync(userId);
        await page.WaitForFunctionAsync(
            "id => document.getElementById('user-picker').value === id", userId,
            new() { Timeout = (float)Wait.TotalMilliseconds });
    }

    public async Task OpenChannelAsync(string channelId, string title)
    {
        await page.Locator($"[data-testid=channel][data-channel-id={channelId}]").ClickAsync();
        await UntilAsync(page.GetByTestId("channel-title").GetByText(title, new() { Exact = true }),
            $"the channel {channelId} to open with the title \"{title}\"");
    }

    /// <summary>Types into the composer and presses Send, as a person would.</summary>
    public async Task SendAsync(string text)
    {
        await page.GetByTestId("composer").FillAsync(text);
        await page.GetByTestId("send").ClickAsync();
    }

    /// <summary>The messages in the open channel whose text contains <paramref name="text"/>.</summary>
    public ILocator MessageContaining(string text) => Messages.Filter(new() { HasText = text });

    public static ILocator Button(ILocator message, string actionId) =>
        message.Locator($"[data-testid=button][data-action-id={actionId}]");

    /// <summary>
    /// Sends <c>/approve {text}</c> and waits for its reply to name a correlation id not on the page before
    /// (earlier requests' replies may still be showing); returns that id.
    /// </summary>
    public async Task<string> SendCommandAsync(string text)
    {
        var before = await CorrelationIdsShownAsync();
        await SendAsync("/approve " + text);
        string? id = null;
        await UntilAsync(async () =>
        {
            id = (await CorrelationIdsShownAsync()).Except(before).FirstOrDefault();
            return id is not null;
        }, $"the reply to \"/approve {text}\" naming a new correlation id (corr-…)");
        return id!;
    }

    /// <summary>Waits until <paramref name="locator"/> is visible, else screenshots and says why.</summary>
    public async Task UntilAsync(ILocator locator, string expectation)
    {
        try
        {
            await locator.First.WaitForAsync(new() { Timeout = (float)Wait.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"Expected {expectation} within {Wait.TotalSeconds} s. Seen instead: {await SeenAsync()}", e);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes.</summary>
    public Task UntilAsync(Func<Task<bool>> condition, string expectation) =>
        PageWait.UntilAsync(condition, expectation, SeenAsync);

    private async Task<IReadOnlyList<string>> CorrelationIdsShownAsync()
    {
        var shown = await page.GetByTestId("messages").InnerTextAsync();
        return [.. CorrelationId().Matches(shown).Select(m => m.Value)];
    }

    private async Task<string> SeenAsync()
    {
        var shot = await screenshots.TakeAsync("timed-out");
        var shown = await page.GetByTestId("messages").InnerTextAsync();
        var status = await page.GetByTestId("status").InnerTextAsync();
        return $"the channel showed:\n{shown}\nStatus line: \"{status}\". Screenshot: {shot}";
    }

    [GeneratedRegex("corr-[0-9a-f]{32}")]
    private static partial Regex CorrelationId();
}
