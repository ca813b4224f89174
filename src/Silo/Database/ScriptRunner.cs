using DbUp;

namespace ApprovalBot.Silo.Database;

/// <summary>Applies the embedded scripts not yet in the journal, each in its own transaction.</summary>
internal static class ScriptRunner
{
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        MigrationTarget target, ILogger logger, CancellationToken cancellationToken)
    {
        var engine = DeployChanges.To
            .PostgresqlDatabase(target.Admin.ConnectionString)
            .WithScripts(MigrationScripts.Load())
            .WithTransactionPerScript()
            // Our scripts hold dollar-quoted bodies, which DbUp's $variable$ syntax would misread.
            .WithVariablesDisabled()
            .JournalToPostgresqlTable("public", SchemaMigrator.JournalTable)
            .LogTo(new DbUpLog(logger))
            .Build();

        // DbUp is synchronous: keep its blocking I/O off the caller's thread.
        var result = await Task.Run(engine.PerformUpgrade, cancellationToken);
        if (!result.Successful)
        {
            throw result.ErrorScript is null
                ? MigrationConnections.Describe(target, target.Database, result.Error)
                : new SchemaMigrationException(
                    $"Migration {result.ErrorScript.Name} failed on {target.Endpoint}/{target.Database} " +
                    $"({target.SettingKey}) and was rolled back: {result.Error.Message}", result.Error);
        }

        return result.Scripts.Select(script => script.Name).ToList();
    }
}
