using ApprovalBot.Bench.Hosting;

namespace ApprovalBot.Bench.Database;

/// <summary>
/// PostgreSQL's counters around one measurement, with this database's share of the WAL when readable.
/// </summary>
public sealed class DbWindow
{
    private readonly BenchContext _context;
    private readonly DbSnapshot _before;

    private DbWindow(BenchContext context, DbSnapshot before)
    {
        _context = context;
        _before = before;
    }

    public static async Task<DbWindow> OpenAsync(BenchContext context, CancellationToken token) =>
        new(context, await DbSnapshot.TakeAsync(context.DatabaseConnectionString, token));

    public async Task<DbDelta> CloseAsync(CancellationToken token)
    {
        var after = await DbSnapshot.TakeAsync(_context.DatabaseConnectionString, token);
        var delta = after.Since(_before);
        if (_context.Wal is not { } wal)
        {
            return delta;
        }

        var share = await wal.ShareAsync(_before.WalLsn, after.WalLsn, _context.DatabaseOid, token);
        return delta with { Wal = share };
    }
}
