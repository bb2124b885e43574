using Npgsql;
using NpgsqlTypes;

namespace Storage.GroupCommit;

/// <summary>
/// PostgreSQL: a whole group is one statement. The rows travel as parallel arrays, unnest turns them
/// back into a table, one UPDATE applies every version-checked write and one INSERT creates every
/// new row; a row missing from the result lost its version check.
/// </summary>
internal sealed class PostgreSqlGrainStateDialect(string connectionString) : IGrainStateDialect
{
    private const string ReadSql =
        "SELECT version, payload FROM grain_state WHERE service_id = $1 AND state_name = $2 AND grain_id = $3";

    private const string CommitSql = """
        WITH input AS (
            SELECT * FROM unnest($2::text[], $3::text[], $4::integer[], $5::bytea[], $6::boolean[])
                WITH ORDINALITY AS i(state_name, grain_id, expected, payload, is_clear, position)
        ),
        updated AS (
            UPDATE grain_state AS g
            SET version = g.version + 1, payload = i.payload, modified_at = now()
            FROM input AS i
            WHERE i.expected IS NOT NULL AND g.service_id = $1 AND g.state_name = i.state_name
              AND g.grain_id = i.grain_id AND g.version = i.expected
            RETURNING i.position, g.version
        ),
        inserted AS (
            INSERT INTO grain_state (service_id, state_name, grain_id, version, payload)
            SELECT $1, i.state_name, i.grain_id, 1, i.payload FROM input AS i
            WHERE i.expected IS NULL AND NOT i.is_clear
            ON CONFLICT (service_id, state_name, grain_id) DO NOTHING
            RETURNING state_name, grain_id, version
        )
        SELECT position, version FROM updated
        UNION ALL
        SELECT i.position, n.version FROM inserted AS n
            JOIN input AS i ON i.state_name = n.state_name AND i.grain_id = n.grain_id
        """;

    private readonly NpgsqlDataSource _dataSource = CreateDataSource(connectionString);

    public int MaxConcurrentGroups(int configured) => configured;

    public async Task<StoredGrainState?> ReadAsync(string serviceId, string stateName, string grainId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredGrainState(reader.GetInt32(0), reader.IsDBNull(1) ? null : (byte[])reader[1]);
    }

    public async Task<int?[]> CommitAsync(string serviceId, IReadOnlyList<PendingWrite> group, CancellationToken cancellationToken)
    {
        var count = group.Count;
        var stateNames = new string[count];
        var grainIds = new string[count];
        var expected = new int?[count];
        var payloads = new byte[]?[count];
        var clears = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var write = group[i];
            stateNames[i] = write.StateName;
            grainIds[i] = write.GrainId;
            expected[i] = write.ExpectedVersion;
            payloads[i] = write.Payload;
            clears[i] = write.IsClear;
        }

        await using var command = _dataSource.CreateCommand(CommitSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = stateNames, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = grainIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = expected, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = clears, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean });

        var versions = new int?[count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetInt64(0) - 1] = reader.GetInt32(1);
        }

        return versions;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // The group statement is parsed and planned once per connection instead of once per group,
    // unless the connection string already chose its own preparation settings.
    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 8;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }
}
