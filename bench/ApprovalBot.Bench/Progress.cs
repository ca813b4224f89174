using System.Globalization;

namespace ApprovalBot.Bench;

/// <summary>One timestamped line per step on the console, so a long run shows where it is.</summary>
public static class Progress
{
    public static void Say(string message) =>
        Console.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
