namespace ApprovalBot.Slack.Inbound;

/// <summary>
/// The submitted value of one input element
/// (https://api.slack.com/reference/interaction-payloads/views#view_submission); <see cref="Value"/> is set
/// for <c>plain_text_input</c> and null for elements we do not read.
/// </summary>
public sealed record ViewStateValue(string Type, string? Value = null);
