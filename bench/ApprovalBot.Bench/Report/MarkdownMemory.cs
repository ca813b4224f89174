using System.Text;
using ApprovalBot.Bench.Phases;
using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Report;

/// <summary>Section 4: memory per waiting request, and the restart with them waiting.</summary>
public static class MarkdownMemory
{
    public static void Write(StringBuilder text, MemoryResult memory)
    {
        text.AppendLine("## 4. Memory per waiting request");
        text.AppendLine();
        text.AppendLine("Requests with `--timeout 3d` (10 per requester) submitted through the Api; once");
        text.AppendLine("the silo had collected the idle approval grains, its memory over the baseline is");
        text.AppendLine("divided by the number waiting. RSS is `/proc/<pid>/status` VmRSS of the silo");
        text.AppendLine("child; \"after GC\" follows a forced full compacting collection; the managed");
        text.AppendLine("heap is `GC.GetTotalMemory` after it. *Heap per active grain* is measured right");
        text.AppendLine("after submitting, before the grains were collected: what each request costs");
        text.AppendLine("while its grain stays activated (15 minutes after its last call with Orleans'");
        text.AppendLine("default collection age).");
        text.AppendLine();
        text.AppendLine("Baseline: RSS " + Bytes(memory.Baseline.ResidentBytes) + ", managed heap " +
            Bytes(memory.Baseline.ManagedHeapBytes) + ".");
        text.AppendLine();
        var table = new MarkdownTable(" Waiting", " Submitted at", " Heap per active grain",
            " Grains idle after", " Approval grains left", " RSS", " RSS/request", " RSS after GC/request",
            " Heap/request");
        foreach (var p in memory.Points)
        {
            table.Row(Count(p.Waiting), Rate(p.SubmitsPerSecond), Bytes(p.ActiveHeapPerGrain),
                Seconds(p.IdleAfter), Count(p.ApprovalGrainsLeft), Bytes(p.Rss), Bytes(p.RssPerRequest),
                Bytes(p.RssAfterGcPerRequest), Bytes(p.HeapPerRequest));
        }

        table.WriteTo(text);
        if (memory.Restart is not { } restart)
        {
            return;
        }

        text.AppendLine("Silo restart with them waiting (SIGTERM, then a new silo process on the same");
        text.AppendLine("database):");
        text.AppendLine();
        new MarkdownTable(" Shutdown", " Ready (/health/ready)", " Reminder table read",
                " First status answer", " Reminders in table", " Held with a timer", " RSS after")
            .Row(Seconds(restart.Shutdown), Seconds(restart.Ready), Optional(restart.RemindersLoaded),
                Optional(restart.FirstAnswer), Count(restart.RemindersInTable), Count(restart.LocalReminders),
                Bytes(restart.RssAfterRestart))
            .WriteTo(text);
        text.AppendLine("Times are from launching the new process. Orleans loads only reminders due");
        text.AppendLine("within `ReminderOptions.ReminderLoadingWindow` (10 min by default) into memory;");
        text.AppendLine("the rest stay in the table until they come due, so a three-day deadline costs");
        text.AppendLine("the silo nothing until then.");
        text.AppendLine();
    }

    private static string Optional(TimeSpan? value) => value is { } v ? Seconds(v) : "not seen";
}
