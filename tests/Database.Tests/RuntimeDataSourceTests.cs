using ApprovalBot.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace ApprovalBot.Database.Tests;

/// <summary>
/// The silo's runtime data source does not reset pooled connections (Orleans' queries leave no session state), unless
/// the connection string says otherwise. Shown on one pooled connection: a setting made on it is still there, or not,
/// when the pool hands it out again.
/// </summary>
public sealed class RuntimeDataSourceTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Theory]
    [InlineData("", "1234ms")]
    [InlineData(";No Reset On Close=false", "0")]
    public async Task RuntimeDataSource_PooledConnection_ResetOnlyWhenTheSettingAsks(string extra, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ConnectionSettings.RuntimeKey] =
                fixture.Database.RuntimeConnectionString + ";Maximum Pool Size=1;Application Name=reset-test" + extra,
        }).Build();
        await using var dataSource = ConnectionSettings.RuntimeDataSource(configuration);

        await using (var first = await dataSource.OpenConnectionAsync())
        {
            await using var set = first.CreateCommand();
            set.CommandText = "SET statement_timeout = 1234";
            await set.ExecuteNonQueryAsync();
        }

        await using var second = await dataSource.OpenConnectionAsync();
        await using var show = second.CreateCommand();
        show.CommandText = "SHOW statement_timeout";
        Assert.Equal(expected, await show.ExecuteScalarAsync());
    }
}
