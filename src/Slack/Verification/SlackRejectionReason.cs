namespace ApprovalBot.Slack.Verification;

/// <summary>
/// Why a request failed Slack verification
/// (https://api.slack.com/authentication/verifying-requests-from-slack); <see cref="None"/> when it passed.
/// </summary>
public enum SlackRejectionReason
{
    None,
    MissingTimestamp,
    MalformedTimestamp,
    StaleTimestamp,
    MissingSignature,
    MalformedSignature,
    SignatureMismatch,
    DuplicateHeader,
    BodyTooLarge,
}
