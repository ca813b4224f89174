using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;

namespace ApprovalBot.Database.Tests;

/// <summary>Orleans' own ADO.NET reminder table against our schema, as the runtime role.</summary>
public sealed class ReminderProviderTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTime Start = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Reminders_UpsertThenReadRow_RoundTrips()
    {
        var table = await StartTableAsync();
        var grain = NewGrain();

        var etag = await table.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromMinutes(5)));
        var read = await table.ReadRow(grain, "timeout");

        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal(Start, read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task Reminders_UpsertSameName_ReplacesScheduleAndETag()
    {
        var table = await StartTableAsync();
        var grain = NewGrain();
        var first = await table.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromMinutes(5)));

        var second = await table.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromDays(30)));
        var rows = await table.ReadRows(grain);

        Assert.NotEqual(first, second);
        var row = Assert.Single(rows.Reminders);
        Assert.Equal(TimeSpan.FromDays(30), row.Period);
        Assert.Equal(second, row.ETag);
    }

    [Fact]
    public async Task Reminders_RemoveWithStaleETag_RefusedAndWithCurrentETag_Removed()
    {
        var table = await StartTableAsync();
        var grain = NewGrain();
        var stale = await table.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromMinutes(5)));
        var current = await table.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromMinutes(6)));

        var removedStale = await table.RemoveRow(grain, "timeout", stale!);
        var removedCurrent = await table.RemoveRow(grain, "timeout", current!);

        Assert.False(removedStale);
        Assert.True(removedCurrent);
        Assert.Null(await table.ReadRow(grain, "timeout"));
    }

    [Fact]
    public async Task Reminders_ReadRowsByRange_MatchRingSemanticsForPlainAndWrappedRanges()
    {
        var table = await StartTableAsync();
        var grains = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromMinutes(1)));
        }

        // Plain and wrapped ranges, in unsigned order and across the signed boundary at 0x80000000.
        (uint Begin, uint End)[] ranges =
        [
            (0x1000_0000, 0x6000_0000), (0x7000_0000, 0x9000_0000), (0x9000_0000, 0x7000_0000),
            (0xF000_0000, 0x2000_0000), (0x4000_0000, 0x4000_0000),
        ];
        foreach (var (begin, end) in ranges)
        {
            var read = await table.ReadRows(begin, end);

            var expected = grains.Where(grain => InRange(grain.GetUniformHashCode(), begin, end)).Order();
            Assert.Equal(expected, read.Reminders.Select(reminder => reminder.GrainId).Order());
        }
    }

    [Fact]
    public async Task Reminders_ZeroPeriod_RefusedAtRegistration()
    {
        var table = await StartTableAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => table.UpsertRow(Reminder(NewGrain(), "timeout", TimeSpan.Zero)));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task Reminders_ClearTable_RemovesOnlyThisService()
    {
        var table = await StartTableAsync();
        var other = await StartTableAsync();
        var grain = NewGrain();
        await table.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromMinutes(1)));
        await other.UpsertRow(Reminder(grain, "timeout", TimeSpan.FromMinutes(1)));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(grain)).Reminders);
        Assert.Single((await other.ReadRows(grain)).Reminders);
    }

    // The ring's (begin, end] ranges; begin == end is the whole ring.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static GrainId NewGrain() => GrainId.Create("approval", $"corr-{Guid.NewGuid()}");

    private static ReminderEntry Reminder(GrainId grain, string name, TimeSpan period) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = period,
    };

    private async Task<IReminderTable> StartTableAsync()
    {
        var services = new ServiceCollection();
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = "reminder-tests";
            options.ServiceId = $"svc-{Guid.NewGuid():N}";
        });
        services.UseAdoNetReminderService(options => options.Configure(reminders =>
        {
            reminders.Invariant = "Npgsql";
            reminders.ConnectionString = fixture.Database.RuntimeConnectionString;
        }));
        var table = services.BuildServiceProvider().GetRequiredService<IReminderTable>();
        await table.StartAsync(CancellationToken.None);
        return table;
    }
}
