using Npgsql;

namespace ApprovalBot.Silo.Database;

/// <summary>
/// Gives the runtime role exactly what the Orleans providers need and nothing else: it may read the
/// query table, read and write rows of the other Orleans tables and call our functions, but never
/// change the schema. Re-applied on every run, so privileges left over from an older schema are
/// revoked and new tables are covered.
/// </summary>
internal static class RuntimeRoleGrants
{
    private const string DuplicateObject = "42710";
    private const string UniqueViolation = "23505";

    // format() quotes every name server-side. Order matters: revoke first, then grant.
    private const string PlanSql = """
        SELECT statement FROM (
            SELECT 1, format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', @role)
            UNION ALL SELECT 2, format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', @role)
            UNION ALL SELECT 3, format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I', @role)
            UNION ALL SELECT 4, 'REVOKE CREATE ON SCHEMA public FROM PUBLIC'
            UNION ALL SELECT 5, format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC',
                                       current_database())
            UNION ALL SELECT 6, format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), @role)
            UNION ALL SELECT 7, format('GRANT USAGE ON SCHEMA public TO %I', @role)
            UNION ALL SELECT 8, format('GRANT SELECT ON TABLE public.orleansquery TO %I', @role)
            UNION ALL SELECT 9, format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.%I TO %I',
                                       tablename, @role)
                      FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'orleans\_%'
            UNION ALL SELECT 10, format('GRANT EXECUTE ON FUNCTION %s TO %I', p.oid::regprocedure, @role)
                      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                      WHERE n.nspname = 'public' AND p.proname LIKE 'orleans\_%'
        ) AS plan (step, statement)
        ORDER BY step, statement
        """;

    /// <summary>Returns the role granted to, or null when there is no separate runtime role.</summary>
    public static async Task<string?> ApplyAsync(
        NpgsqlConnection connection,
        MigrationTarget target,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!target.HasSeparateRuntimeRole)
        {
            return null;
        }

        var role = target.RuntimeUser!;
        await EnsureRoleAsync(connection, role, target.RuntimePassword, logger, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in await PlanAsync(connection, role, cancellationToken))
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        MigrationLog.LogDebugRuntimeGrantsApplied(logger, role, target.Database);
        return role;
    }

    private static async Task EnsureRoleAsync(
        NpgsqlConnection connection,
        string role,
        string? password,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @role)", connection);
        exists.Parameters.AddWithValue("role", role);
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return;
        }

        await using var format = new NpgsqlCommand(
            password is null
                ? "SELECT format('CREATE ROLE %I LOGIN', @role)"
                : "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', @role, @password)",
            connection);
        format.Parameters.AddWithValue("role", role);
        if (password is not null)
        {
            format.Parameters.AddWithValue("password", password);
        }

        var createRole = (string)(await format.ExecuteScalarAsync(cancellationToken))!;
        try
        {
            await using var create = new NpgsqlCommand(createRole, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            MigrationLog.LogInformationRuntimeRoleCreated(logger, role);
        }
        catch (PostgresException e) when (e.SqlState is DuplicateObject or UniqueViolation)
        {
            // Roles are cluster-wide while our lock is per database: a migrator of another
            // database may have created it a moment ago.
        }
    }

    private static async Task<IReadOnlyList<string>> PlanAsync(
        NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PlanSql, connection);
        command.Parameters.AddWithValue("role", role);
        var statements = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }
}
