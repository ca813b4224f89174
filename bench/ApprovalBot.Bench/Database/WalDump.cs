using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ApprovalBot.Bench.Database;

/// <summary>
/// Reads the server's WAL between two positions with <c>pg_waldump</c> and keeps this database's share: the
/// WAL and every commit record of the server are shared with whatever else runs on it (other developers' test
/// databases here). A transaction is this database's when one of its records touches a relation of it; its
/// commit record then counts as one write transaction (read-only transactions write none). The server's data
/// folder is found from its postmaster's command line (<c>postgres -D folder -p port</c>, as scripts/pg.sh
/// starts it); reading it needs the rights the bench has as root. Without them the figures are left out.
/// </summary>
public sealed class WalDump(string program, string walFolder)
{
    public static WalDump? Locate(int port)
    {
        const string Installed = "/usr/lib/postgresql";
        var program = Directory.Exists(Installed)
            ? Directory.GetFiles(Installed, "pg_waldump", SearchOption.AllDirectories).Order().LastOrDefault()
            : null;
        var data = PostmasterData.Folder(port);
        if (program is null || data is null)
        {
            return null;
        }

        var wal = Path.Combine(data, "pg_wal");
        try
        {
            return Directory.EnumerateFiles(wal).Any() ? new WalDump(program, wal) : null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }

    public async Task<WalShare?> ShareAsync(
        string fromLsn, string toLsn, uint databaseOid, CancellationToken token)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-p", walFolder, "-s", fromLsn, "-e", toLsn })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(token);
        var share = new WalShareCounter(databaseOid);
        while (await process.StandardOutput.ReadLineAsync(token) is { } line)
        {
            share.Add(line);
        }

        await process.WaitForExitAsync(token);
        var errors = await stderr;
        if (share.Records == 0)
        {
            Progress.Say($"pg_waldump read no records from {fromLsn} to {toLsn}: {errors.Trim()}");
            return null;
        }

        return share.Result();
    }

}

/// <summary>This database's write transactions and WAL bytes in a stretch of WAL.</summary>
public sealed record WalShare(long WriteTransactions, long Bytes, long ServerBytes);

/// <summary>Attributes pg_waldump's lines, one record per line, to the database or not.</summary>
internal sealed partial class WalShareCounter(uint databaseOid)
{
    private readonly HashSet<long> _transactions = [];
    private readonly string _database = databaseOid.ToString(CultureInfo.InvariantCulture);
    private long _commits;
    private long _bytes;
    private long _serverBytes;

    public long Records { get; private set; }

    public void Add(string line)
    {
        var record = Record().Match(line);
        if (!record.Success)
        {
            return;
        }

        Records++;
        var length = long.Parse(record.Groups["len"].Value, CultureInfo.InvariantCulture);
        var tx = long.Parse(record.Groups["tx"].Value, CultureInfo.InvariantCulture);
        _serverBytes += length;
        var ours = Relations().Matches(line).Any(m => m.Groups["db"].Value == _database);
        if (ours && tx != 0)
        {
            _transactions.Add(tx);
        }

        var commit = line.Contains("desc: COMMIT", StringComparison.Ordinal) && _transactions.Contains(tx);
        if (ours || commit)
        {
            _bytes += length;
        }

        _commits += commit ? 1 : 0;
    }

    public WalShare Result() => new(_commits, _bytes, _serverBytes);

    [GeneratedRegex(@"len \(rec/tot\):\s*\d+/\s*(?<len>\d+), tx:\s*(?<tx>\d+)")]
    private static partial Regex Record();

    [GeneratedRegex(@"rel \d+/(?<db>\d+)/\d+")]
    private static partial Regex Relations();
}
