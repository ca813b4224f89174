namespace ApprovalBot.Bench.Database;

/// <summary>
/// What PostgreSQL did between two snapshots; <see cref="Wal"/> is filled in when WAL could be read.
/// </summary>
public sealed record DbDelta(
    long Commits,
    long OtherDatabaseCommits,
    long WalPositionBytes,
    long WalStatBytes,
    IReadOnlyDictionary<string, long> RowWritesByTable,
    IReadOnlyDictionary<string, long> ScansByTable)
{
    /// <summary>
    /// This database's share of the WAL (write transactions and bytes), from <c>pg_waldump</c>.
    /// </summary>
    public WalShare? Wal { get; init; }

    /// <summary>Rows inserted, updated or deleted: each of the product's writes changes one row.</summary>
    public long RowWrites => RowWritesByTable.Values.Sum();

    /// <summary>Per-approval figures for the report, given how many approvals the interval carried.</summary>
    public DbCost Per(int approvals)
    {
        var n = Math.Max(1, approvals);
        return new DbCost(
            (double)Commits / n,
            Wal is { } wal ? (double)wal.WriteTransactions / n : null,
            (double)RowWrites / n,
            Wal is { } w ? (double)w.Bytes / n : null,
            (double)WalStatBytes / n,
            PerTable(RowWritesByTable, n),
            PerTable(ScansByTable, n));
    }

    private static Dictionary<string, double> PerTable(IReadOnlyDictionary<string, long> counts, int n) =>
        counts.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => (double)p.Value / n);
}

/// <summary>PostgreSQL work per approval. The WAL figures are null when the WAL could not be read.</summary>
public sealed record DbCost(
    double Commits,
    double? WriteTransactions,
    double RowWrites,
    double? WalBytes,
    double WalStatBytes,
    IReadOnlyDictionary<string, double> RowWritesByTable,
    IReadOnlyDictionary<string, double> ScansByTable);
