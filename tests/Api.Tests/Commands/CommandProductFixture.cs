using ApprovalBot.Api.Tests.Support;
using ApprovalBot.SlackSandbox;
using ApprovalBot.TestSupport.Product;

namespace ApprovalBot.Api.Tests.Commands;

/// <summary>
/// The product with a small per-requester cap and a one-day longest timeout, and a requester of its own for
/// each test that creates something, so that the cap one test fills never refuses another test's command.
/// </summary>
public sealed class CommandProductFixture : ProductFixture
{
    /// <summary>Matches <c>Approval:MaxPendingPerRequester</c> below.</summary>
    public const int MaxPending = 2;
    public const string MailtoRequester = "U0MAILTO";
    public const string PlusRequester = "U0PLUS";
    public const string IdnRequester = "U0IDN";
    public const string TimeoutRequester = "U0TIMEOUT";
    public const string RepeatRequester = "U0REPEAT";
    public const string CapRequester = "U0CAP";

    private static readonly string[] Requesters =
        [MailtoRequester, PlusRequester, IdnRequester, TimeoutRequester, RepeatRequester, CapRequester];

    protected override Task<ProductHarness> CreateAsync() => ProductHarness.CreateAsync(
        "commands",
        settings: s =>
        {
            s["Approval:MaxPendingPerRequester"] = "2";
            s["Approval:MaxTimeout"] = "1.00:00:00";
        },
        sandbox: o => o.AddUsers(Requesters.Select(id => new SandboxUserOptions
        {
            Id = id,
            Name = id[2..].ToLowerInvariant(),
        })));
}

[CollectionDefinition(Name)]
public sealed class CommandProduct : ICollectionFixture<CommandProductFixture>
{
    public const string Name = "product for command inputs";
}
