using Storage.Migrations;

namespace Storage.Tests.Migrations;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task MigrateAsync_PostgreSqlAppliedTwice_SecondRunIsNoOp()
    {
        await using var schema = await PostgresSchema.CreateAsync("mig");

        var first = await SchemaMigrator.MigrateAsync(StorageDatabase.PostgreSql, schema.ConnectionString);
        var second = await SchemaMigrator.MigrateAsync(StorageDatabase.PostgreSql, schema.ConnectionString);

        Assert.Equal(MigrationCatalog.For(StorageDatabase.PostgreSql).Select(m => m.FileName), first);
        Assert.Empty(second);
        Assert.Equal(first.Count, await schema.ScalarAsync("SELECT count(*) FROM storage_schema_history"));
        Assert.True(await schema.ScalarAsync("SELECT count(*) FROM OrleansQuery") >= 20);
    }

    [Fact]
    public async Task MigrateAsync_SqliteAppliedTwice_SecondRunIsNoOp()
    {
        using var file = new SqliteFile("mig");

        var first = await SchemaMigrator.MigrateAsync(StorageDatabase.Sqlite, file.ConnectionString);
        var second = await SchemaMigrator.MigrateAsync(StorageDatabase.Sqlite, file.ConnectionString);

        Assert.Equal(MigrationCatalog.For(StorageDatabase.Sqlite).Select(m => m.FileName), first);
        Assert.Empty(second);
        Assert.Equal(first.Count, file.Scalar("SELECT count(*) FROM storage_schema_history"));
        Assert.Equal(4, file.Scalar("SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentPostgreSqlMigrators_EachVersionAppliedOnce()
    {
        await using var schema = await PostgresSchema.CreateAsync("mig");
        var expected = MigrationCatalog.For(StorageDatabase.PostgreSql).Select(m => m.FileName).ToList();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => SchemaMigrator.MigrateAsync(StorageDatabase.PostgreSql, schema.ConnectionString))));

        var applied = runs.SelectMany(run => run).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, await schema.ScalarAsync("SELECT count(DISTINCT version) FROM storage_schema_history"));
        Assert.Equal(expected.Count, await schema.ScalarAsync("SELECT count(*) FROM storage_schema_history"));
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentSqliteMigrators_EachVersionAppliedOnce()
    {
        using var file = new SqliteFile("mig");

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => SchemaMigrator.MigrateAsync(StorageDatabase.Sqlite, file.ConnectionString))));

        var expected = MigrationCatalog.For(StorageDatabase.Sqlite).Count;
        Assert.Equal(expected, runs.Sum(run => run.Count));
        Assert.Equal(expected, file.Scalar("SELECT count(*) FROM storage_schema_history"));
    }

    [Fact]
    public async Task MigrateAsync_PostgreSqlChecksumChanged_FailsNamingFile()
    {
        await using var schema = await PostgresSchema.CreateAsync("mig");
        await SchemaMigrator.MigrateAsync(StorageDatabase.PostgreSql, schema.ConnectionString);
        await schema.ExecuteAsync("UPDATE storage_schema_history SET checksum = 'edited' WHERE version = 3");

        var failure = await Assert.ThrowsAsync<SchemaMigrationException>(() =>
            SchemaMigrator.MigrateAsync(StorageDatabase.PostgreSql, schema.ConnectionString));

        Assert.Contains("0003_orleans_persistence.sql", failure.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_SqliteChecksumChanged_FailsNamingFile()
    {
        using var file = new SqliteFile("mig");
        await SchemaMigrator.MigrateAsync(StorageDatabase.Sqlite, file.ConnectionString);
        file.Execute("UPDATE storage_schema_history SET checksum = 'edited' WHERE version = 2");

        var failure = await Assert.ThrowsAsync<SchemaMigrationException>(() =>
            SchemaMigrator.MigrateAsync(StorageDatabase.Sqlite, file.ConnectionString));

        Assert.Contains("0002_orleans_persistence.sql", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_EveryDatabase_VersionsAreContiguousFromOne()
    {
        foreach (var database in Enum.GetValues<StorageDatabase>())
        {
            var versions = MigrationCatalog.For(database).Select(m => m.Version).ToList();
            Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        }
    }
}
