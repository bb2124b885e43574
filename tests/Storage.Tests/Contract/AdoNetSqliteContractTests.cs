namespace Storage.Tests.Contract;

/// <summary>Orleans' stock ADO.NET provider on the project's SQLite schema (invariant System.Data.SQLite).</summary>
public sealed class AdoNetSqliteContractTests(AdoNetSqliteFixture fixture)
    : GrainStorageContractTests<AdoNetSqliteFixture>(fixture);
