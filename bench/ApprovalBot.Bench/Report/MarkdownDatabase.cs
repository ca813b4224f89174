using System.Text;
using ApprovalBot.Bench.Hosting;
using ApprovalBot.Bench.Phases;
using static ApprovalBot.Bench.Format;

namespace ApprovalBot.Bench.Report;

/// <summary>
/// Section 3: the database's own ceiling, what each approval cost it, and where the CPU went.
/// </summary>
public static class MarkdownDatabase
{
    public static void Write(StringBuilder text, BenchResults r, CeilingResult ceiling)
    {
        text.AppendLine("## 3. The PostgreSQL ceiling and the database cost of an approval");
        text.AppendLine();
        text.AppendLine("Durable single-row upserts (one per transaction, `synchronous_commit=on`) of a");
        text.AppendLine(Invariant($"{ceiling.PayloadBytes}-byte payload (the average stored grain state"));
        text.AppendLine(Invariant($"of this run) from {ceiling.Connections} connections, each on rows of"));
        text.AppendLine("its own, in");
        text.AppendLine("table `bench_ceiling` of the bench database, right after the end-to-end run.");
        text.AppendLine();
        new MarkdownTable(" Commits/s", " Commit p50", " p99", " WAL bytes per commit", " Duration")
            .Row(Number(ceiling.CommitsPerSecond), Ms(ceiling.CommitLatency.P50),
                Ms(ceiling.CommitLatency.P99),
                Number(ceiling.WalBytesPerCommit, 0), Seconds(ceiling.Duration))
            .WriteTo(text);

        var runs = new[] { r.Postgres, r.InMemory }.OfType<ThroughputResult>().ToList();
        if (runs.Count == 0)
        {
            return;
        }

        text.AppendLine("Per approval, over the end-to-end run. *Write transactions* and *WAL bytes (this");
        text.AppendLine("database)* come from reading the WAL with `pg_waldump` (commit records of");
        text.AppendLine("transactions that touched this database; read-only transactions write none).");
        text.AppendLine("*Commits* is `pg_stat_database.xact_commit` (read-only transactions included);");
        text.AppendLine("rows and scans come from `pg_stat_user_tables`; `pg_stat_wal.wal_bytes` is");
        text.AppendLine("server-wide, so it includes the other databases' traffic.");
        text.AppendLine();
        var table = new MarkdownTable("Storage", " Write transactions", " Commits", " Row writes",
            " WAL bytes (this database)", " WAL bytes (pg_stat_wal)", "Row writes by table", "Scans by table",
            " Other databases' commits meanwhile");
        foreach (var run in runs)
        {
            var cost = run.Cost;
            table.Row(run.Variant, Optional(cost.WriteTransactions, 2), Number(cost.Commits),
                Number(cost.RowWrites), Optional(cost.WalBytes, 0), Number(cost.WalStatBytes, 0),
                PerTable(cost.RowWritesByTable), PerTable(cost.ScansByTable),
                Count(run.Db.OtherDatabaseCommits));
        }

        table.WriteTo(text);
        WriteRatio(text, r, ceiling);
        WriteCpu(text, runs);
    }

    private static void WriteRatio(StringBuilder text, BenchResults r, CeilingResult ceiling)
    {
        if (r.CeilingRatio is not { } ratio || r.Postgres is not { } pg)
        {
            return;
        }

        var perApproval = pg.Cost.WriteTransactions ?? pg.Cost.RowWrites;
        text.AppendLine(Invariant($"Ratio achieved ÷ (ceiling ÷ 5) = {pg.ApprovalsPerSecond:F1} ÷ ") +
            Invariant($"({ceiling.CommitsPerSecond:F0} ÷ 5) = **{ratio:F2}**. ") +
            Invariant($"At the measured {perApproval:F1} ") +
            Invariant($"write transactions per approval the ceiling would allow ") +
            Invariant($"{ceiling.CommitsPerSecond / Math.Max(1, perApproval):F0} approvals/s."));
        text.AppendLine();
    }

    private static void WriteCpu(StringBuilder text, IReadOnlyList<ThroughputResult> runs)
    {
        text.AppendLine("CPU time per approval over the end-to-end run (`/proc/<pid>/stat`), how busy the");
        text.AppendLine("whole machine was meanwhile (`/proc/stat`, other developers' tests included),");
        text.AppendLine("and the approvals per second the product alone (silo, Api, PostgreSQL; Slack is");
        text.AppendLine("elsewhere in production) could carry with every core of this machine to itself.");
        text.AppendLine("CPU time per approval is far steadier than the rate when the machine is shared.");
        text.AppendLine();
        var groups = runs.SelectMany(r => r.CpuMsPerApproval.Keys).Distinct().ToList();
        string[] header =
        [
            "Storage", .. groups.Select(g => " " + g), " Product only", " Capacity, all cores",
            " Machine busy",
        ];
        var table = new MarkdownTable(header);
        foreach (var run in runs)
        {
            var cpu = run.CpuMsPerApproval;
            var product = cpu.Where(p => p.Key != ProductCpu.Bench).Sum(p => p.Value);
            var capacity = product == 0 ? 0 : Environment.ProcessorCount * 1000 / product;
            table.Row([run.Variant, .. groups.Select(g => Ms(cpu.GetValueOrDefault(g))), Ms(product),
                Rate(capacity), Invariant($"{run.Cpu.MachineBusy:P0}")]);
        }

        table.WriteTo(text);
    }

    private static string Optional(double? value, int decimals) =>
        value is { } v ? Number(v, decimals) : "(WAL not readable)";

    private static string PerTable(IReadOnlyDictionary<string, double> values) =>
        string.Join(", ", values.OrderByDescending(p => p.Value)
            .Select(p => Invariant($"{p.Key} {p.Value:F2}")));
}
