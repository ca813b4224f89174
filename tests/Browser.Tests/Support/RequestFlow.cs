using System.Runtime.CompilerServices;
using ApprovalBot.TestSupport.Product;
using Microsoft.Playwright;

namespace ApprovalBot.Browser.Tests.Support;

/// <summary>
/// The steps of one approval request on the sandbox page, each followed by a screenshot: the requester types
/// the command, an approver finds the message in #approvals and decides, the requester reads the outcome.
/// </summary>
public sealed class RequestFlow(SandboxPage page, StepScreenshots shots)
{
    /// <summary>The sandbox page, for steps of the test's own.</summary>
    public SandboxPage Page => page;

    /// <summary>The test's screenshots, in <c>artifacts/screenshots/&lt;test name&gt;</c>.</summary>
    public StepScreenshots Shots => shots;

    /// <summary>Opens the sandbox page; screenshots are filed under the calling test's name.</summary>
    public static async Task<RequestFlow> OpenAsync(
        IPage browserPage, Uri sandboxBaseUrl, [CallerMemberName] string testName = "")
    {
        var steps = new StepScreenshots(browserPage, testName);
        return new RequestFlow(await SandboxPage.OpenAsync(browserPage, sandboxBaseUrl, steps), steps);
    }

    public async Task<string> RequestAsync(string requester, string commandText)
    {
        await page.ActAsAsync(requester);
        await page.OpenChannelAsync(SandboxFlow.GeneralChannel, "# general");
        await shots.TakeAsync($"{Name(requester)}-in-general");
        var id = await page.SendCommandAsync(commandText);
        await page.UntilAsync(page.MessageContaining(id).Filter(new() { HasText = "sent to #approvals" }),
            $"the reply to say {id} was sent to #approvals");
        await shots.TakeAsync("command-reply");
        return id;
    }

    /// <summary>Opens #approvals, waits for the request's message with both buttons, switches user.</summary>
    public async Task<ILocator> ShowApprovalMessageAsync(string id, string approver)
    {
        await page.OpenChannelAsync(SandboxFlow.ApprovalChannel, "# approvals");
        var card = page.MessageContaining(id);
        await page.UntilAsync(SandboxPage.Button(card, "approve"), $"the message of {id} with Approve");
        await page.UntilAsync(SandboxPage.Button(card, "deny"), $"the message of {id} with Deny");
        await shots.TakeAsync("approval-message");
        await page.ActAsAsync(approver);
        await shots.TakeAsync($"{Name(approver)}-sees-message");
        return card;
    }

    public async Task ClickAsync(ILocator card, string actionId)
    {
        await SandboxPage.Button(card, actionId).ClickAsync();
        await shots.TakeAsync($"clicked-{actionId}");
    }

    /// <summary>Deny asks why in a modal: types the reason and submits it.</summary>
    public async Task GiveDenyReasonAsync(string reason)
    {
        var modal = page.Page.GetByTestId("modal").Filter(new() { HasText = "Deny approval request" });
        await page.UntilAsync(modal.GetByTestId("input"), "the deny-reason modal with a reason field");
        await modal.GetByTestId("input").FillAsync(reason);
        await shots.TakeAsync("deny-reason");
        await modal.GetByTestId("modal-submit").ClickAsync();
        await page.UntilAsync(async () => await modal.CountAsync() == 0, "the deny-reason modal to close");
    }

    /// <summary>Waits until the request's one message has no buttons and shows the outcome and who.</summary>
    public async Task<ILocator> WaitForOutcomeAsync(string id, string outcome, string mention)
    {
        var decided = Decided(id, outcome);
        await page.UntilAsync(decided, $"the message of {id} rewritten as {outcome}, without buttons");
        await page.UntilAsync(decided.Locator(".mention", new() { HasText = mention }),
            $"the {outcome} message of {id} to mention {mention}");
        await shots.TakeAsync($"message-{outcome}");
        Assert.Equal(1, await page.MessageContaining(id).CountAsync());
        return decided;
    }

    /// <summary>Switches to the requester and waits for the outcome notice only they can see.</summary>
    public async Task WaitForRequesterNoticeAsync(string requester, string id, string sentence)
    {
        await page.ActAsAsync(requester);
        await page.OpenChannelAsync(SandboxFlow.GeneralChannel, "# general");
        var notice = Notices(id).Filter(new() { HasText = sentence });
        await page.UntilAsync(notice, $"{requester}'s notice about {id} saying \"{sentence}\"");
        Assert.Equal(1, await notice.CountAsync());
        Assert.Equal("true", await notice.GetAttributeAsync("data-ephemeral"));
        Assert.Contains("Only visible to you", await notice.InnerTextAsync(), StringComparison.Ordinal);
        await shots.TakeAsync($"{Name(requester)}-notice");
    }

    /// <summary>As <paramref name="other"/>, once the requester's ephemerals are gone: no notice.</summary>
    public async Task AssertNoticeHiddenFromAsync(string other, string requester, string id)
    {
        await page.ActAsAsync(other);
        // A message's data-key ends with whom it is ephemeral to; none of the requester's may remain.
        await page.UntilAsync(async () => await page.Page.Locator(
                $"[data-testid=message][data-key$=\"|{requester}\"]").CountAsync() == 0,
            $"#general re-rendered for {other}, without {requester}'s ephemeral messages");
        await shots.TakeAsync($"{Name(other)}-in-general");
        Assert.Equal(0, await Notices(id).CountAsync());
    }

    private ILocator Decided(string id, string outcome) => page.MessageContaining(id)
        .Filter(new() { HasText = "Approval request: " + outcome })
        .Filter(new() { HasNot = page.Page.GetByTestId("button") });

    private ILocator Notices(string id) =>
        page.MessageContaining(id).Filter(new() { HasText = "Your approval request" });

    private static string Name(string userId) => userId[2..].ToLowerInvariant();
}
