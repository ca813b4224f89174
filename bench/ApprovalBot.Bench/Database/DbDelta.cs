namespace ApprovalBot.Bench.Database;

/// <summary>What PostgreSQL did between two snapshots.</summary>
public sealed record DbDelta(
    long Commits,
    long OtherDatabaseCommits,
    long WalPositionBytes,
    long WalStatBytes,
    IReadOnlyDictionary<string, long> RowWritesByTable)
{
    /// <summary>Rows inserted, updated or deleted: each of the product's writes changes one row.</summary>
    public long RowWrites => RowWritesByTable.Values.Sum();

    /// <summary>Per-approval figures for the report, given how many approvals the interval carried.</summary>
    public DbCost Per(int approvals) => approvals == 0
        ? new DbCost(0, 0, 0, 0, new Dictionary<string, double>())
        : new DbCost(
            (double)Commits / approvals,
            (double)RowWrites / approvals,
            (double)WalPositionBytes / approvals,
            (double)WalStatBytes / approvals,
            RowWritesByTable.Where(p => p.Value > 0)
                .ToDictionary(p => p.Key, p => (double)p.Value / approvals));
}

/// <summary>PostgreSQL work per approval.</summary>
public sealed record DbCost(
    double Commits,
    double RowWrites,
    double WalBytes,
    double WalStatBytes,
    IReadOnlyDictionary<string, double> RowWritesByTable);
