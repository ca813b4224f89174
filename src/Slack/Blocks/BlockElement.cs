using System.Text.Json.Serialization;

namespace ApprovalBot.Slack.Blocks;

/// <summary>
/// An interactive Block Kit element (https://api.slack.com/reference/block-kit/block-elements).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
public abstract record BlockElement(string ActionId);
