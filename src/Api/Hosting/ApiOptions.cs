namespace ApprovalBot.Api.Hosting;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Default wait for a grain; with Slack's 3-second limit it leaves room for the reply itself.</summary>
    public static readonly TimeSpan DefaultGrainCallBudget = TimeSpan.FromSeconds(2);

    /// <summary>How long the Api waits for a grain before replying without its answer.</summary>
    public TimeSpan GrainCallBudget { get; set; } = DefaultGrainCallBudget;
}
