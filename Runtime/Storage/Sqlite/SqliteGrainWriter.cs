using Microsoft.Data.Sqlite;

namespace Runtime.Storage.Sqlite;

/// <summary>
/// Writes a commit's grain rows with one prepared statement re-bound per row: SQLite runs in
/// process, so there are no round trips for a multi-row statement to save.
/// </summary>
internal static class SqliteGrainWriter
{
    public static async Task UpsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, string cluster, string now, GrainWriteBatch batch, CancellationToken cancellationToken)
    {
        if (batch.UpsertKeys.Length == 0)
        {
            return;
        }

        await using var command = new SqliteCommand(SqliteSql.UpsertGrain, connection, transaction);
        command.Parameters.AddWithValue("@cluster", cluster);
        command.Parameters.AddWithValue("@now", now);
        var type = command.Parameters.Add("@type", SqliteType.Text);
        var key = command.Parameters.Add("@key", SqliteType.Text);
        var state = command.Parameters.Add("@state", SqliteType.Blob);
        command.Prepare();
        for (var i = 0; i < batch.UpsertKeys.Length; i++)
        {
            type.Value = batch.UpsertTypes[i];
            key.Value = batch.UpsertKeys[i];
            state.Value = batch.UpsertStates[i];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task DeleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string cluster, GrainWriteBatch batch, CancellationToken cancellationToken)
    {
        if (batch.DeleteKeys.Length == 0)
        {
            return;
        }

        await using var command = new SqliteCommand(SqliteSql.DeleteGrain, connection, transaction);
        command.Parameters.AddWithValue("@cluster", cluster);
        var type = command.Parameters.Add("@type", SqliteType.Text);
        var key = command.Parameters.Add("@key", SqliteType.Text);
        command.Prepare();
        for (var i = 0; i < batch.DeleteKeys.Length; i++)
        {
            type.Value = batch.DeleteTypes[i];
            key.Value = batch.DeleteKeys[i];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
