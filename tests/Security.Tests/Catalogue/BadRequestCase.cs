using ApprovalBot.Security.Tests.Support;

namespace ApprovalBot.Security.Tests.Catalogue;

/// <summary>
/// One kind of bad request: how to send it, the status code the design gives it, and what the reply says
/// (null: an empty body). <see cref="Notice"/> is the one ephemeral reply the clicker is owed through the
/// click's <c>response_url</c>, when the design owes one. <see cref="ArrangeAsync"/> runs before the state is
/// recorded.
/// </summary>
public sealed record BadRequestCase(
    string Name,
    Func<SecurityProductFixture, Task<ApiReply>> SendAsync,
    int Status,
    string? Reply = null,
    string? Notice = null)
{
    public Func<SecurityProductFixture, Task>? ArrangeAsync { get; init; }

    public override string ToString() => Name;
}
