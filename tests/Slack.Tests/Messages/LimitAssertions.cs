using System.Text.RegularExpressions;
using ApprovalBot.Slack.Blocks;

namespace ApprovalBot.Slack.Tests.Messages;

/// <summary>Checks a message against Slack's limits and against any token we did not put there.</summary>
public static partial class LimitAssertions
{
    public static IEnumerable<string> Texts(SlackMessage message) =>
        message.Blocks.SelectMany(BlockTexts);

    public static void WithinSlackLimits(SlackMessage message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message.Text), "every message needs a plain-text fallback");
        Assert.InRange(message.Blocks.Count, 1, SlackLimits.BlocksPerMessage);
        var total = message.Text.Length;
        foreach (var block in message.Blocks)
        {
            var blockId = block.BlockId ?? "";
            Assert.True(blockId.Length <= SlackLimits.BlockId, $"block_id {blockId.Length}");
            CheckBlock(block);
            total += BlockTexts(block).Sum(t => t.Length);
        }

        // "Well under" Slack's refusals near 13,200 characters.
        Assert.True(total <= 8_000, $"total text {total}");
    }

    public static void OnlyOurTokens(SlackMessage message, IReadOnlyCollection<string> allowedMentions)
    {
        foreach (var text in Texts(message).Append(message.Text))
        {
            foreach (Match token in Token().Matches(text))
            {
                var ok = token.Value.StartsWith("<!date^", StringComparison.Ordinal)
                    || allowedMentions.Any(id => token.Value == $"<@{id}>");
                Assert.True(ok, $"unexpected token {token.Value}");
            }

            Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<!here", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<@U123>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<@U0BOSS>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://", text, StringComparison.Ordinal);
        }
    }

    private static void CheckBlock(Block block)
    {
        switch (block)
        {
            case SectionBlock section:
                var length = section.Text.Text.Length;
                Assert.True(length <= SlackLimits.SectionText, $"section {length}");
                break;
            case HeaderBlock header:
                Assert.True(header.Text.Text.Length <= SlackLimits.HeaderText);
                break;
            case ContextBlock context:
                Assert.InRange(context.Elements.Count, 1, SlackLimits.ContextElements);
                Assert.All(context.Elements, e => Assert.True(e.Text.Length <= SlackLimits.SectionText));
                break;
            case ActionsBlock actions:
                foreach (var button in actions.Elements.Cast<ButtonElement>())
                {
                    Assert.True(button.Text.Text.Length <= SlackLimits.ButtonText);
                    Assert.True(button.ActionId.Length <= SlackLimits.ActionId);
                    Assert.True((button.Value?.Length ?? 0) <= SlackLimits.ButtonValue);
                }

                break;
        }
    }

    private static IEnumerable<string> BlockTexts(Block block) => block switch
    {
        SectionBlock section => [section.Text.Text, .. (section.Fields ?? []).Select(f => f.Text)],
        HeaderBlock header => [header.Text.Text],
        ContextBlock context => context.Elements.Select(e => e.Text),
        ActionsBlock actions => actions.Elements.OfType<ButtonElement>().Select(b => b.Text.Text),
        _ => [],
    };

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Token();
}
