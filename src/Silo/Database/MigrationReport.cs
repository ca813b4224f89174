namespace ApprovalBot.Silo.Database;

/// <summary>What one run of <see cref="SchemaMigrator.MigrateAsync"/> changed.</summary>
/// <param name="AppliedScripts">Script names applied by this run, in order (e.g.
/// <c>0001_orleans_query_table.sql</c>); empty when the schema was already current.</param>
/// <param name="DatabaseCreated">True when this run created the database.</param>
/// <param name="RuntimeRole">The runtime role whose grants were (re)applied, or null when the runtime
/// connection uses the admin role or none was given.</param>
public sealed record MigrationReport(
    IReadOnlyList<string> AppliedScripts,
    bool DatabaseCreated,
    string? RuntimeRole);
