namespace ApprovalBot.Slack.Tests.Inbound;

public sealed class SlackIdsTests
{
    [Theory]
    [InlineData("UA8RXUSPL", true)]
    [InlineData("W0ABCDEFGH", true)]
    [InlineData("U12345678901234567890", true)]
    [InlineData("U1234567", false)]
    [InlineData("U123456789012345678901", false)]
    [InlineData("ua8rxuspl", false)]
    [InlineData("C0ABCDEFGH", false)]
    [InlineData("U0ABCDEF-H", false)]
    [InlineData("<@U0ABCDEFGH>", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsUserId_Shapes(string? id, bool expected) => Assert.Equal(expected, SlackIds.IsUserId(id));

    [Theory]
    [InlineData("CBR2V3XEX", true)]
    [InlineData("G8PSS9T3V", true)]
    [InlineData("D0ABCDEFGH", true)]
    [InlineData("U0ABCDEFGH", false)]
    [InlineData("C111", false)]
    [InlineData("C0ABCDEFGh", false)]
    public void IsChannelId_Shapes(string id, bool expected) =>
        Assert.Equal(expected, SlackIds.IsChannelId(id));

    [Theory]
    [InlineData("T9TK3CUKW", true)]
    [InlineData("E0ABCDEFGH", true)]
    [InlineData("U0ABCDEFGH", false)]
    [InlineData("T 9TK3CUKW", false)]
    public void IsTeamId_Shapes(string id, bool expected) => Assert.Equal(expected, SlackIds.IsTeamId(id));
}
